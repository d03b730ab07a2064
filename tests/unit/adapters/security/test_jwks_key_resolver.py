import base64
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm

from adapters.security.caching_token_verifier import CachingTokenVerifier
from adapters.security.jwks_key_resolver import JwksKeyResolver
from adapters.security.jwt_token_verifier import JwtTokenVerifier
from application.errors import DependencyUnavailableError, UnauthenticatedError
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from tests.support.loopback_https_server import LoopbackHttpsServer, answer, serving_https
from tests.support.self_signed_certificate import SelfSignedCertificate, loopback_certificate
from tests.support.jwks_server import JwksServer, rsa_jwk
from tests.unit.adapters.security.token_builders import (
    SECRET,
    claims,
    hs256_token,
    signed_token,
)


def ec_jwk(key: ec.EllipticCurvePrivateKey, kid: str) -> dict[str, Any]:
    return {**ECAlgorithm.to_jwk(key.public_key(), as_dict=True), "kid": kid, "use": "sig"}


def urlsafe_secret() -> str:
    return base64.urlsafe_b64encode(SECRET.encode("utf-8")).rstrip(b"=").decode("ascii")


def loopback_resolver(url: str, **options: Any) -> JwksKeyResolver:
    return JwksKeyResolver(url, allow_insecure_loopback=True, **options)


def unused_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")
ONE_MEBIBYTE = 1024 * 1024


def padded_key_set(key: rsa.RSAPrivateKey, size: int) -> bytes:
    document = {"keys": [rsa_jwk(key, "rsa-1")], "padding": ""}
    padding = size - len(json.dumps(document).encode("utf-8"))
    return json.dumps({**document, "padding": "x" * padding}).encode("utf-8")


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> SelfSignedCertificate:
    return loopback_certificate(Path(tmp_path_factory.mktemp("jwks-tls")))


@pytest.fixture(scope="module")
def https_jwks(
    tls: SelfSignedCertificate, rsa_key: rsa.RSAPrivateKey
) -> Iterator[LoopbackHttpsServer]:
    key_set = json.dumps({"keys": [rsa_jwk(rsa_key, "rsa-1")]}).encode("utf-8")
    with serving_https({"/jwks.json": answer(200, key_set)}, tls) as running:
        yield running


@pytest.fixture
def unreachable_proxy(monkeypatch: pytest.MonkeyPatch) -> str:
    proxy = f"http://127.0.0.1:{unused_port()}"
    for name in PROXY_VARIABLES:
        monkeypatch.setenv(name, proxy)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    return proxy


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
    sut = JwtTokenVerifier(loopback_resolver(serving_keys.url), algorithms=["RS256", "ES256"])
    token = signed_token(request.getfixturevalue(key_name), algorithm, kid=kid)

    identity = sut.verify(token)

    assert identity == UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))


def test_should_fetch_the_key_set_once_while_it_is_cached(
    serving_keys: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    sut = loopback_resolver(serving_keys.url)
    token = signed_token(rsa_key, "RS256", kid="rsa-1")

    sut.resolve(token)
    sut.resolve(token)

    assert serving_keys.requests == 1


def test_should_reject_token_when_its_key_id_is_unknown(
    serving_keys: JwksServer, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    sut = loopback_resolver(serving_keys.url)

    with pytest.raises(UnauthenticatedError, match="unknown key"):
        sut.resolve(signed_token(other_rsa_key, "RS256", kid="rsa-2"))


def test_should_find_a_rotated_key_after_refreshing_the_key_set(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"))
    sut = loopback_resolver(jwks_server.url, refresh_cooldown_seconds=0)
    sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"), rsa_jwk(other_rsa_key, "rsa-2"))

    key = sut.resolve(signed_token(other_rsa_key, "RS256", kid="rsa-2"))

    assert key.key_id == "rsa-2"


def test_should_report_unavailable_keys_when_refresh_fails(
    serving_keys: JwksServer, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    serving_keys.responses.append((503, b"{}"))
    sut = loopback_resolver(serving_keys.url, refresh_cooldown_seconds=0)

    with pytest.raises(DependencyUnavailableError):
        sut.resolve(signed_token(other_rsa_key, "RS256", kid="rsa-2"))


@pytest.mark.parametrize(
    "refreshed",
    [(200, b'{"keys": []}'), (200, b"<html>down</html>")],
    ids=["no-keys", "not-json"],
)
def test_should_report_unavailable_keys_when_a_refresh_answers_an_unusable_key_set(
    serving_keys: JwksServer, other_rsa_key: rsa.RSAPrivateKey, refreshed: tuple[int, bytes]
) -> None:
    serving_keys.responses.append(refreshed)
    sut = loopback_resolver(serving_keys.url, refresh_cooldown_seconds=0)

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
    sut = loopback_resolver(jwks_server.url)

    with pytest.raises(DependencyUnavailableError):
        sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))


def test_should_report_unavailable_keys_when_endpoint_is_unreachable(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    sut = loopback_resolver(f"http://127.0.0.1:{unused_port()}/jwks.json", timeout_seconds=2)

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
    sut = loopback_resolver(jwks_server.url)

    with pytest.raises(UnauthenticatedError, match=reason):
        sut.resolve(token)


def test_should_reject_hs256_token_even_when_key_set_publishes_a_symmetric_key(
    jwks_server: JwksServer,
) -> None:
    jwks_server.serve_keys({"kty": "oct", "k": urlsafe_secret(), "kid": "oct-1", "use": "sig"})
    sut = JwtTokenVerifier(loopback_resolver(jwks_server.url), algorithms=["RS256", "ES256"])
    token = jwt.encode(claims(), SECRET, algorithm="HS256", headers={"kid": "oct-1"})

    with pytest.raises(UnauthenticatedError, match="algorithm not allowed"):
        sut.verify(token)


def test_should_never_trust_symmetric_algorithms(jwks_server: JwksServer) -> None:
    sut = loopback_resolver(jwks_server.url)

    algorithms = sut.compatible_algorithms

    assert "HS256" not in algorithms


@pytest.mark.parametrize(
    "url", ["file:///etc/jwks.json", "ftp://keys.example/jwks.json"], ids=["file", "ftp"]
)
def test_should_refuse_an_address_that_is_not_http(url: str) -> None:
    with pytest.raises(ValueError, match="AUTH_JWKS_URL must be an https address"):
        JwksKeyResolver(url, allow_insecure_loopback=True)


def test_should_fetch_the_key_set_over_https_from_a_trusted_server(
    tls: SelfSignedCertificate, https_jwks: LoopbackHttpsServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    sut = JwksKeyResolver(https_jwks.url("/jwks.json"), ssl_context=tls.trusting_context())

    key = sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    assert key.key_id == "rsa-1"


def test_should_ignore_proxy_variables_when_fetching_the_key_set_over_https(
    tls: SelfSignedCertificate,
    https_jwks: LoopbackHttpsServer,
    rsa_key: rsa.RSAPrivateKey,
    unreachable_proxy: str,
) -> None:
    sut = JwksKeyResolver(https_jwks.url("/jwks.json"), ssl_context=tls.trusting_context())

    key = sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    assert key.key_id == "rsa-1"


def test_should_ignore_proxy_variables_when_fetching_the_key_set_from_loopback_http(
    serving_keys: JwksServer, rsa_key: rsa.RSAPrivateKey, unreachable_proxy: str
) -> None:
    sut = loopback_resolver(serving_keys.url)

    key = sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    assert key.key_id == "rsa-1"


def test_should_refuse_plain_http_unless_loopback_http_is_explicitly_allowed(
    serving_keys: JwksServer,
) -> None:
    with pytest.raises(ValueError, match="AUTH_JWKS_ALLOW_INSECURE_LOOPBACK"):
        JwksKeyResolver(serving_keys.url)


def test_should_report_unavailable_keys_when_the_key_set_is_larger_than_one_mebibyte(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.responses = [(200, padded_key_set(rsa_key, ONE_MEBIBYTE + 1))]
    sut = loopback_resolver(jwks_server.url)

    with pytest.raises(DependencyUnavailableError, match="larger than 1048576 bytes"):
        sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))


def test_should_read_a_key_set_of_exactly_the_largest_size(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.responses = [(200, padded_key_set(rsa_key, ONE_MEBIBYTE))]
    sut = loopback_resolver(jwks_server.url)

    key = sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    assert key.key_id == "rsa-1"


def test_should_not_follow_a_redirect_of_the_key_set_address(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.responses = [(302, b"{}")]
    sut = loopback_resolver(jwks_server.url)

    with pytest.raises(DependencyUnavailableError):
        sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))


def test_should_refuse_a_cached_token_once_a_refresh_removed_its_key(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"))
    resolver = loopback_resolver(jwks_server.url, refresh_cooldown_seconds=0)
    sut = CachingTokenVerifier(JwtTokenVerifier(resolver, algorithms=["RS256"]))
    token = signed_token(rsa_key, "RS256", kid="rsa-1")
    sut.verify(token)
    jwks_server.serve_keys(rsa_jwk(other_rsa_key, "rsa-2"))
    sut.verify(signed_token(other_rsa_key, "RS256", kid="rsa-2"))

    with pytest.raises(UnauthenticatedError, match="unknown key"):
        sut.verify(token)


def test_should_refuse_a_cached_token_once_the_expired_key_set_no_longer_holds_its_key(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"))
    resolver = loopback_resolver(jwks_server.url, cache_lifespan_seconds=0.2)
    sut = CachingTokenVerifier(JwtTokenVerifier(resolver, algorithms=["RS256"]))
    token = signed_token(rsa_key, "RS256", kid="rsa-1")
    sut.verify(token)
    jwks_server.serve_keys(rsa_jwk(other_rsa_key, "rsa-2"))
    time.sleep(0.3)

    with pytest.raises(UnauthenticatedError, match="unknown key"):
        sut.verify(token)


def test_should_keep_a_cached_token_while_its_key_stays_in_the_refreshed_key_set(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"))
    resolver = loopback_resolver(jwks_server.url, refresh_cooldown_seconds=0)
    sut = CachingTokenVerifier(JwtTokenVerifier(resolver, algorithms=["RS256"]))
    token = signed_token(rsa_key, "RS256", kid="rsa-1")
    sut.verify(token)
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"), rsa_jwk(other_rsa_key, "rsa-2"))
    sut.verify(signed_token(other_rsa_key, "RS256", kid="rsa-2"))

    identity = sut.verify(token)

    assert identity == UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))


def test_should_report_unavailable_keys_for_a_cached_token_when_the_key_set_cannot_be_renewed(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"))
    resolver = loopback_resolver(jwks_server.url, cache_lifespan_seconds=0.2)
    sut = CachingTokenVerifier(JwtTokenVerifier(resolver, algorithms=["RS256"]))
    token = signed_token(rsa_key, "RS256", kid="rsa-1")
    sut.verify(token)
    jwks_server.responses = [(503, b"{}")]
    jwks_server.requests = 0
    time.sleep(0.3)

    with pytest.raises(DependencyUnavailableError):
        sut.verify(token)
