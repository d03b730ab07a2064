import time
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from adapters.security.jwt_token_verifier import JwtTokenVerifier
from adapters.security.pem_public_key_resolver import PemPublicKeyResolver
from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from application.errors import UnauthenticatedError
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from tests.unit.adapters.security.token_builders import (
    OTHER_SECRET,
    SECRET,
    hmac_token_keyed_with,
    hs256_token,
    public_pem,
    signed_token,
    unsigned_token,
)

ALICE = UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))
HOUR = 3600


def now() -> int:
    return int(time.time())


@pytest.fixture
def sut() -> JwtTokenVerifier:
    return JwtTokenVerifier(SharedSecretKeyResolver(SECRET), algorithms=["HS256"])


@pytest.fixture
def strict_sut() -> JwtTokenVerifier:
    return JwtTokenVerifier(
        SharedSecretKeyResolver(SECRET),
        algorithms=["HS256"],
        issuer="https://issuer.example",
        audience="import-worker",
    )


def pem_verifier(key: Any, algorithm: str) -> JwtTokenVerifier:
    return JwtTokenVerifier(PemPublicKeyResolver(public_pem(key)), algorithms=[algorithm])


def rejection_message(sut: JwtTokenVerifier, token: str) -> str:
    with pytest.raises(UnauthenticatedError) as caught:
        sut.verify(token)
    return str(caught.value)


def test_should_return_identity_when_hs256_token_is_valid(sut: JwtTokenVerifier) -> None:
    identity = sut.verify(hs256_token())

    assert identity == ALICE


@pytest.mark.parametrize("key_name", ["rsa_key", "ec_key"], ids=["RS256", "ES256"])
def test_should_return_identity_when_asymmetric_token_is_valid(
    request: pytest.FixtureRequest, key_name: str
) -> None:
    key = request.getfixturevalue(key_name)
    algorithm = "RS256" if key_name == "rsa_key" else "ES256"
    sut = pem_verifier(key, algorithm)

    identity = sut.verify(signed_token(key, algorithm))

    assert identity == ALICE


def test_should_return_identity_when_eddsa_token_is_valid(
    ed25519_key: ed25519.Ed25519PrivateKey,
) -> None:
    sut = pem_verifier(ed25519_key, "EdDSA")

    identity = sut.verify(signed_token(ed25519_key, "EdDSA"))

    assert identity == ALICE


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"exp": now() - HOUR}, "token expired"),
        ({"nbf": now() + HOUR}, "token not yet valid"),
        ({"iat": now() + HOUR}, "token not yet valid"),
        ({"exp": "tomorrow"}, "malformed token"),
        ({"sub": None}, "missing claim sub"),
        ({"exp": None}, "missing claim exp"),
        ({"roles": None}, "missing claim roles"),
        ({"sub": 42}, "subject is not a string"),
        ({"sub": ""}, "subject must be a non-empty string"),
        ({"roles": "importer"}, "roles claim must be a list of strings"),
        ({"roles": [1]}, "roles claim must be a list of strings"),
        ({"roles": {"importer": True}}, "roles claim must be a list of strings"),
    ],
    ids=[
        "expired",
        "not-before-in-future",
        "issued-in-future",
        "expiry-not-a-number",
        "missing-sub",
        "missing-exp",
        "missing-roles",
        "sub-not-a-string",
        "sub-empty",
        "roles-a-string",
        "roles-not-strings",
        "roles-an-object",
    ],
)
def test_should_reject_token_when_claims_are_invalid(
    sut: JwtTokenVerifier, overrides: dict[str, Any], reason: str
) -> None:
    with pytest.raises(UnauthenticatedError, match=reason):
        sut.verify(hs256_token(**overrides))


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"exp": "4000000000"}, "claim exp must be a number"),
        ({"iat": str(now())}, "claim iat must be a number"),
        ({"iat": True}, "claim iat must be a number"),
        ({"nbf": str(now())}, "claim nbf must be a number"),
        ({"nbf": False}, "claim nbf must be a number"),
        ({"iss": 42}, "claim iss must be a string"),
        ({"iss": ["https://issuer.example"]}, "claim iss must be a string"),
        ({"aud": 42}, "claim aud must be a string or a list of strings"),
        ({"aud": ["import-worker", 7]}, "claim aud must be a string or a list of strings"),
        ({"aud": {"name": "import-worker"}}, "claim aud must be a string or a list of strings"),
    ],
    ids=[
        "exp-digit-string",
        "iat-digit-string",
        "iat-boolean",
        "nbf-digit-string",
        "nbf-boolean",
        "iss-number",
        "iss-list",
        "aud-number",
        "aud-list-with-a-number",
        "aud-object",
    ],
)
def test_should_reject_token_when_a_claim_has_the_wrong_json_type(
    sut: JwtTokenVerifier, overrides: dict[str, Any], reason: str
) -> None:
    token = hmac_token_keyed_with(SECRET.encode("utf-8"), **overrides)

    with pytest.raises(UnauthenticatedError, match=reason):
        sut.verify(token)


@pytest.mark.parametrize(
    "overrides",
    [{"aud": "import-worker"}, {"aud": ["import-worker", "reports"]}, {"iat": now() + 0.5}],
    ids=["aud-string", "aud-list-of-strings", "iat-fractional"],
)
def test_should_accept_token_when_optional_claims_have_their_json_types(
    sut: JwtTokenVerifier, overrides: dict[str, Any]
) -> None:
    token = hs256_token(**overrides)

    identity = sut.verify(token)

    assert identity == ALICE


@pytest.mark.parametrize(
    "overrides",
    [{"exp": -10}, {"nbf": -10}, {"nbf": 10}],
    ids=["expired-within-leeway", "not-before-in-past", "not-before-within-leeway"],
)
def test_should_accept_token_when_time_claims_hold_within_leeway(
    sut: JwtTokenVerifier, overrides: dict[str, int]
) -> None:
    claims: dict[str, Any] = {name: now() + offset for name, offset in overrides.items()}

    identity = sut.verify(hs256_token(**claims))

    assert identity == ALICE


@pytest.mark.parametrize(
    ("leeway_seconds", "expiry", "accepted_until"),
    [
        (0.0, 4_000_000_000, 4_000_000_000.0),
        (30.0, 4_000_000_000, 4_000_000_030.0),
        (2.5, 4_000_000_000.9, 4_000_000_002.5),
    ],
    ids=["no-leeway", "default-leeway", "fractional-expiry"],
)
def test_should_tell_that_a_token_is_accepted_until_its_expiry_plus_the_leeway(
    leeway_seconds: float, expiry: float | str, accepted_until: float
) -> None:
    sut = JwtTokenVerifier(
        SharedSecretKeyResolver(SECRET), algorithms=["HS256"], leeway_seconds=leeway_seconds
    )

    verified = sut.verify_with_expiry(hs256_token(exp=expiry))

    assert verified.accepted_until == accepted_until


def test_should_reject_token_when_signed_with_another_secret(sut: JwtTokenVerifier) -> None:
    with pytest.raises(UnauthenticatedError, match="bad signature"):
        sut.verify(hs256_token(OTHER_SECRET))


def test_should_reject_token_when_payload_was_tampered_with(sut: JwtTokenVerifier) -> None:
    header, _, signature = hs256_token().split(".")
    forged_payload = hs256_token(OTHER_SECRET, roles=["admin"]).split(".")[1]

    with pytest.raises(UnauthenticatedError, match="bad signature"):
        sut.verify(f"{header}.{forged_payload}.{signature}")


def test_should_reject_token_when_signed_by_another_rsa_key(
    rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    sut = pem_verifier(rsa_key, "RS256")

    with pytest.raises(UnauthenticatedError, match="bad signature"):
        sut.verify(signed_token(other_rsa_key, "RS256"))


def test_should_reject_unsigned_token_with_alg_none(sut: JwtTokenVerifier) -> None:
    with pytest.raises(UnauthenticatedError, match="algorithm not allowed"):
        sut.verify(unsigned_token(roles=["admin"]))


def test_should_reject_hs256_token_keyed_with_public_key_when_only_rs256_is_allowed(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    sut = pem_verifier(rsa_key, "RS256")
    confused_token = hmac_token_keyed_with(public_pem(rsa_key).encode("ascii"))

    with pytest.raises(UnauthenticatedError, match="algorithm not allowed"):
        sut.verify(confused_token)


def test_should_reject_token_when_curve_does_not_fit_the_key(
    ec_key: ec.EllipticCurvePrivateKey,
) -> None:
    sut = JwtTokenVerifier(PemPublicKeyResolver(public_pem(ec_key)), algorithms=["ES256", "ES384"])
    token = signed_token(ec.generate_private_key(ec.SECP384R1()), "ES384")

    with pytest.raises(UnauthenticatedError, match="key does not fit the token"):
        sut.verify(token)


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_should_reject_token_when_rsa_key_is_shorter_than_2048_bits() -> None:
    weak_key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    sut = pem_verifier(weak_key, "RS256")

    with pytest.raises(UnauthenticatedError, match="key does not fit the token"):
        sut.verify(signed_token(weak_key, "RS256"))


@pytest.mark.parametrize(
    "token",
    ["", "not-a-jwt", "a.b.c", "e30.e30.e30"],
    ids=["empty", "one-part", "garbage", "empty-objects"],
)
def test_should_reject_token_when_it_is_malformed(sut: JwtTokenVerifier, token: str) -> None:
    with pytest.raises(UnauthenticatedError):
        sut.verify(token)


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"iss": "https://evil.example", "aud": "import-worker"}, "wrong issuer"),
        ({"iss": "https://issuer.example", "aud": "other-service"}, "wrong audience"),
        ({"aud": "import-worker"}, "missing claim iss"),
        ({"iss": "https://issuer.example"}, "missing claim aud"),
    ],
    ids=["wrong-issuer", "wrong-audience", "missing-issuer", "missing-audience"],
)
def test_should_reject_token_when_issuer_or_audience_do_not_match_configuration(
    strict_sut: JwtTokenVerifier, overrides: dict[str, Any], reason: str
) -> None:
    with pytest.raises(UnauthenticatedError, match=reason):
        strict_sut.verify(hs256_token(**overrides))


@pytest.mark.parametrize(
    "audience",
    ["import-worker", ["other-service", "import-worker"]],
    ids=["single-audience", "audience-list"],
)
def test_should_accept_token_when_issuer_and_audience_match_configuration(
    strict_sut: JwtTokenVerifier, audience: str | list[str]
) -> None:
    identity = strict_sut.verify(hs256_token(iss="https://issuer.example", aud=audience))

    assert identity == ALICE


def test_should_ignore_issuer_and_audience_when_not_configured(sut: JwtTokenVerifier) -> None:
    identity = sut.verify(hs256_token(iss="https://anyone.example", aud="anything"))

    assert identity == ALICE


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (["importer", "superuser"], frozenset({UserRole.IMPORTER})),
        (["admin", "viewer"], frozenset({UserRole.ADMIN, UserRole.VIEWER})),
        (["superuser"], frozenset()),
        ([], frozenset()),
    ],
    ids=["known-and-unknown", "several-known", "only-unknown", "none"],
)
def test_should_keep_only_known_roles(
    sut: JwtTokenVerifier, roles: list[str], expected: frozenset[UserRole]
) -> None:
    identity = sut.verify(hs256_token(roles=roles))

    assert identity.roles == expected


@pytest.mark.parametrize(
    "algorithms",
    [["HS256", "none"], ["NONE"], []],
    ids=["none-among-others", "none-upper-case", "empty"],
)
def test_should_refuse_configuration_when_algorithms_are_unsafe(algorithms: list[str]) -> None:
    with pytest.raises(ValueError):
        JwtTokenVerifier(SharedSecretKeyResolver(SECRET), algorithms=algorithms)


def test_should_refuse_configuration_when_algorithm_does_not_fit_the_key(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    with pytest.raises(ValueError, match="do not fit"):
        JwtTokenVerifier(PemPublicKeyResolver(public_pem(rsa_key)), algorithms=["RS256", "HS256"])


def test_should_never_put_the_token_in_a_rejection_message(sut: JwtTokenVerifier) -> None:
    token = hs256_token(OTHER_SECRET)

    message = rejection_message(sut, token)

    assert token not in message
