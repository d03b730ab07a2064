import base64
import socket
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from adapters.security.jwks_key_resolver import JwksKeyResolver
from adapters.security.jwt_token_verifier import JwtTokenVerifier
from application.errors import DependencyUnavailableError, UnauthenticatedError
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from tests.unit.adapters.security.jwks_server import JwksServer
from tests.unit.adapters.security.token_builders import (
    SECRET,
    claims,
    hs256_token,
    signed_token,
)


def rsa_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    return {**RSAAlgorithm.to_jwk(key.public_key(), as_dict=True), "kid": kid, "use": "sig"}


def ec_jwk(key: ec.EllipticCurvePrivateKey, kid: str) -> dict[str, Any]:
    return {**ECAlgorithm.to_jwk(key.public_key(), as_dict=True), "kid": kid, "use": "sig"}


def urlsafe_secret() -> str:
    return base64.urlsafe_b64encode(SECRET.encode("utf-8")).rstrip(b"=").decode("ascii")


def unused_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def serving_keys(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey, ec_key: ec.EllipticCurvePrivateKey
) -> JwksServer:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"), ec_jwk(ec_key, "ec-1"))
    return jwks_server


@pytest.mark.parametrize(
    ("key_name", "kid", "algorithm"),
    [("rsa_key", "rsa-1", "RS256"), ("ec_key", "ec-1", "ES256")],
    ids=["RS256", "ES256"],
)
def test_should_verify_token_signed_by_a_published_key(
    request: pytest.FixtureRequest,
    serving_keys: JwksServer,
    key_name: str,
    kid: str,
    algorithm: str,
) -> None:
    sut = JwtTokenVerifier(JwksKeyResolver(serving_keys.url), algorithms=["RS256", "ES256"])
    token = signed_token(request.getfixturevalue(key_name), algorithm, kid=kid)

    identity = sut.verify(token)

    assert identity == UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))


def test_should_fetch_the_key_set_once_while_it_is_cached(
    serving_keys: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    sut = JwksKeyResolver(serving_keys.url)
    token = signed_token(rsa_key, "RS256", kid="rsa-1")

    sut.resolve(token)
    sut.resolve(token)

    assert serving_keys.requests == 1


def test_should_reject_token_when_its_key_id_is_unknown(
    serving_keys: JwksServer, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    sut = JwksKeyResolver(serving_keys.url)

    with pytest.raises(UnauthenticatedError, match="unknown key"):
        sut.resolve(signed_token(other_rsa_key, "RS256", kid="rsa-2"))


def test_should_find_a_rotated_key_after_refreshing_the_key_set(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"))
    sut = JwksKeyResolver(jwks_server.url, refresh_cooldown_seconds=0)
    sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"), rsa_jwk(other_rsa_key, "rsa-2"))

    key = sut.resolve(signed_token(other_rsa_key, "RS256", kid="rsa-2"))

    assert key.key_id == "rsa-2"


def test_should_report_unavailable_keys_when_refresh_fails(
    serving_keys: JwksServer, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    serving_keys.responses.append((503, b"{}"))
    sut = JwksKeyResolver(serving_keys.url, refresh_cooldown_seconds=0)

    with pytest.raises(DependencyUnavailableError):
        sut.resolve(signed_token(other_rsa_key, "RS256", kid="rsa-2"))


@pytest.mark.parametrize(
    ("status", "body"),
    [(500, b"{}"), (200, b"<html>down</html>"), (200, b"[]"), (200, b'{"keys": []}')],
    ids=["server-error", "not-json", "not-an-object", "no-keys"],
)
def test_should_report_unavailable_keys_when_endpoint_misbehaves(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey, status: int, body: bytes
) -> None:
    jwks_server.responses = [(status, body)]
    sut = JwksKeyResolver(jwks_server.url)

    with pytest.raises(DependencyUnavailableError):
        sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))


def test_should_report_unavailable_keys_when_endpoint_is_unreachable(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    sut = JwksKeyResolver(f"http://127.0.0.1:{unused_port()}/jwks.json", timeout_seconds=2)

    with pytest.raises(DependencyUnavailableError):
        sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))


@pytest.mark.parametrize(
    ("token", "reason"),
    [("not-a-jwt", "malformed token"), (hs256_token(SECRET), "names no signing key")],
    ids=["malformed", "without-key-id"],
)
def test_should_reject_token_when_it_names_no_key(
    jwks_server: JwksServer, token: str, reason: str
) -> None:
    sut = JwksKeyResolver(jwks_server.url)

    with pytest.raises(UnauthenticatedError, match=reason):
        sut.resolve(token)


def test_should_reject_hs256_token_even_when_key_set_publishes_a_symmetric_key(
    jwks_server: JwksServer,
) -> None:
    jwks_server.serve_keys({"kty": "oct", "k": urlsafe_secret(), "kid": "oct-1", "use": "sig"})
    sut = JwtTokenVerifier(JwksKeyResolver(jwks_server.url), algorithms=["RS256", "ES256"])
    token = jwt.encode(claims(), SECRET, algorithm="HS256", headers={"kid": "oct-1"})

    with pytest.raises(UnauthenticatedError, match="algorithm not allowed"):
        sut.verify(token)


def test_should_never_trust_symmetric_algorithms(jwks_server: JwksServer) -> None:
    sut = JwksKeyResolver(jwks_server.url)

    algorithms = sut.compatible_algorithms

    assert "HS256" not in algorithms


@pytest.mark.parametrize(
    "url", ["file:///etc/jwks.json", "ftp://keys.example/jwks.json"], ids=["file", "ftp"]
)
def test_should_refuse_an_address_that_is_not_http(url: str) -> None:
    with pytest.raises(ValueError, match="http or https"):
        JwksKeyResolver(url)
