from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from adapters.security.jwt_token_issuer import JwtTokenIssuer
from adapters.security.jwt_token_verifier import JwtTokenVerifier
from adapters.security.pem_public_key_resolver import PemPublicKeyResolver
from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from adapters.system.system_clock import SystemClock
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from tests.unit.adapters.security.token_builders import SECRET, private_pem, public_pem

ISSUER = "https://issuer.example"
AUDIENCE = "import-worker"


def unverified_claims(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


@pytest.fixture
def sut() -> JwtTokenIssuer:
    return JwtTokenIssuer(SECRET, clock=SystemClock())


def test_should_issue_hs256_token_the_verifier_accepts(sut: JwtTokenIssuer) -> None:
    verifier = JwtTokenVerifier(SharedSecretKeyResolver(SECRET), algorithms=["HS256"])

    identity = verifier.verify(sut.issue(subject="alice", roles=["importer"]))

    assert identity == UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))


@pytest.mark.parametrize(
    ("key_name", "algorithm"), [("rsa_key", "RS256"), ("ec_key", "ES256")], ids=["RS256", "ES256"]
)
def test_should_issue_asymmetric_token_the_verifier_accepts(
    request: pytest.FixtureRequest, key_name: str, algorithm: str
) -> None:
    key = request.getfixturevalue(key_name)
    sut = JwtTokenIssuer(private_pem(key), clock=SystemClock(), algorithm=algorithm)
    verifier = JwtTokenVerifier(PemPublicKeyResolver(public_pem(key)), algorithms=[algorithm])

    identity = verifier.verify(sut.issue(subject="root", roles=["admin"]))

    assert identity == UserIdentity(subject="root", roles=frozenset({UserRole.ADMIN}))


def test_should_issue_token_with_issuer_and_audience_when_configured() -> None:
    sut = JwtTokenIssuer(SECRET, clock=SystemClock(), issuer=ISSUER, audience=AUDIENCE)
    verifier = JwtTokenVerifier(
        SharedSecretKeyResolver(SECRET), algorithms=["HS256"], issuer=ISSUER, audience=AUDIENCE
    )

    identity = verifier.verify(sut.issue(subject="alice", roles=["importer"]))

    assert identity.subject == "alice"


def test_should_leave_out_issuer_and_audience_when_not_configured(sut: JwtTokenIssuer) -> None:
    claims = unverified_claims(sut.issue(subject="alice", roles=["viewer"]))

    assert set(claims) == {"sub", "roles", "iat", "exp"}


def test_should_expire_token_after_its_lifetime(sut: JwtTokenIssuer) -> None:
    claims = unverified_claims(sut.issue(subject="alice", roles=["importer"], ttl_seconds=90))

    assert claims["exp"] - claims["iat"] == 90


def test_should_name_the_key_id_in_the_header_when_given(rsa_key: rsa.RSAPrivateKey) -> None:
    sut = JwtTokenIssuer(private_pem(rsa_key), clock=SystemClock(), algorithm="RS256", key_id="k1")

    header = jwt.get_unverified_header(sut.issue(subject="alice", roles=["importer"]))

    assert header["kid"] == "k1"


@pytest.mark.parametrize(
    ("subject", "ttl_seconds"),
    [("", 60), ("alice", 0), ("alice", -5)],
    ids=["no-subject", "zero-ttl", "negative-ttl"],
)
def test_should_refuse_to_issue_token_without_subject_or_lifetime(
    sut: JwtTokenIssuer, subject: str, ttl_seconds: int
) -> None:
    with pytest.raises(ValueError, match="subject and a positive lifetime"):
        sut.issue(subject=subject, roles=["importer"], ttl_seconds=ttl_seconds)


@pytest.mark.parametrize("algorithm", ["none", "None"], ids=["lower-case", "capitalised"])
def test_should_refuse_to_sign_with_alg_none(algorithm: str) -> None:
    with pytest.raises(ValueError, match="'none' is never allowed"):
        JwtTokenIssuer(SECRET, clock=SystemClock(), algorithm=algorithm)


def test_should_refuse_a_public_key_as_hmac_secret(ec_key: ec.EllipticCurvePrivateKey) -> None:
    with pytest.raises(ValueError, match="does not fit the JWT algorithm HS256"):
        JwtTokenIssuer(public_pem(ec_key), clock=SystemClock())


@pytest.mark.parametrize(
    ("signing_key", "algorithm"),
    [(SECRET, "RS256"), (SECRET, "ES256"), (SECRET, "XX999")],
    ids=["secret-for-rsa", "secret-for-ec", "unknown-algorithm"],
)
def test_should_refuse_a_key_that_does_not_fit_the_algorithm(
    signing_key: str, algorithm: str
) -> None:
    with pytest.raises(ValueError, match="does not fit"):
        JwtTokenIssuer(signing_key, clock=SystemClock(), algorithm=algorithm)
