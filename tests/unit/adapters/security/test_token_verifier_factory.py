from typing import Any, cast

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from adapters.security.caching_token_verifier import CachingTokenVerifier
from adapters.security.jwks_key_resolver import JwksKeyResolver
from adapters.security.pem_public_key_resolver import PemPublicKeyResolver
from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from adapters.security.token_verifier_factory import build_key_resolver, build_token_verifier
from application.errors import UnauthenticatedError
from application.ports.token_verifier import TokenVerifier
from tests.unit.adapters.security.token_builders import (
    SECRET,
    hs256_token,
    public_pem,
    signed_token,
)

JWKS_URL = "https://keys.example/.well-known/jwks.json"


def test_should_build_no_verifier_when_auth_is_disabled() -> None:
    verifier = build_token_verifier(mode="disabled", secret=SECRET)

    assert verifier is None


def test_should_build_a_caching_verifier_when_auth_mode_is_jwt() -> None:
    verifier = build_token_verifier(mode="jwt", secret=SECRET)

    assert isinstance(verifier, CachingTokenVerifier)


@pytest.mark.parametrize("mode", ["JWT", "oauth", ""], ids=["upper-case", "unknown", "empty"])
def test_should_refuse_unknown_auth_mode(mode: str) -> None:
    with pytest.raises(ValueError, match="AUTH_MODE must be one of jwt, disabled"):
        build_token_verifier(mode=mode, secret=SECRET)


@pytest.mark.parametrize(
    ("secret", "public_key", "jwks_url"),
    [(None, None, None), ("", "", "")],
    ids=["unset", "empty"],
)
def test_should_refuse_jwt_mode_without_a_key(
    secret: str | None, public_key: str | None, jwks_url: str | None
) -> None:
    with pytest.raises(ValueError, match="AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL"):
        build_token_verifier(mode="jwt", secret=secret, public_key=public_key, jwks_url=jwks_url)


def test_should_refuse_more_than_one_key(rsa_key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(ValueError, match="set only one of"):
        build_token_verifier(mode="jwt", secret=SECRET, public_key=public_pem(rsa_key))


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("secret", SharedSecretKeyResolver),
        ("public_key", PemPublicKeyResolver),
        ("jwks_url", JwksKeyResolver),
    ],
    ids=["secret", "public-key", "jwks"],
)
def test_should_build_the_resolver_for_the_configured_key(
    rsa_key: rsa.RSAPrivateKey, kind: str, expected: type
) -> None:
    keys: dict[str, str | None] = {"secret": None, "public_key": None, "jwks_url": None}
    keys[kind] = {"secret": SECRET, "public_key": public_pem(rsa_key), "jwks_url": JWKS_URL}[kind]

    resolver = build_key_resolver(
        secret=keys["secret"], public_key=keys["public_key"], jwks_url=keys["jwks_url"]
    )

    assert isinstance(resolver, expected)


LOOPBACK_JWKS_URL = "http://127.0.0.1:8080/.well-known/jwks.json"


def test_should_refuse_a_plain_http_key_set_address() -> None:
    with pytest.raises(ValueError, match="AUTH_JWKS_URL must be an https address"):
        build_token_verifier(mode="jwt", jwks_url=LOOPBACK_JWKS_URL)


def test_should_accept_a_loopback_http_key_set_address_when_explicitly_allowed() -> None:
    verifier = build_token_verifier(
        mode="jwt", jwks_url=LOOPBACK_JWKS_URL, jwks_allow_insecure_loopback=True
    )

    assert isinstance(verifier, CachingTokenVerifier)


def enabled_verifier(**settings: Any) -> TokenVerifier:
    return cast(TokenVerifier, build_token_verifier(mode="jwt", **settings))


def test_should_default_to_es256_for_an_ec_public_key(ec_key: ec.EllipticCurvePrivateKey) -> None:
    sut = enabled_verifier(public_key=public_pem(ec_key))

    identity = sut.verify(signed_token(ec_key, "ES256"))

    assert identity.subject == "alice"


def test_should_use_configured_algorithms_instead_of_defaults(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    sut = enabled_verifier(public_key=public_pem(rsa_key), algorithms=["PS256"])

    with pytest.raises(UnauthenticatedError, match="algorithm not allowed"):
        sut.verify(signed_token(rsa_key, "RS256"))


def test_should_check_issuer_and_audience_when_given() -> None:
    sut = enabled_verifier(secret=SECRET, issuer="iss", audience="aud")

    with pytest.raises(UnauthenticatedError, match="missing claim iss"):
        sut.verify(hs256_token())
