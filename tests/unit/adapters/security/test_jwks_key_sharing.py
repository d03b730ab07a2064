from contextlib import suppress
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from adapters.caching.shared_key_sets import SharedKeySets
from adapters.security.jwks_key_resolver import JwksKeyResolver
from application.errors import UnauthenticatedError
from tests.fakes.fake_cache import FakeCache
from tests.support.jwks_server import JwksServer, rsa_jwk
from tests.unit.adapters.security.token_builders import signed_token


def replica(url: str, cache: FakeCache, **options: Any) -> JwksKeyResolver:
    return JwksKeyResolver(
        url, allow_insecure_loopback=True, shared=SharedKeySets(cache), **options
    )


@pytest.fixture
def one_key(jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey) -> JwksServer:
    jwks_server.serve_keys(rsa_jwk(rsa_key, "rsa-1"))
    return jwks_server


def test_should_fetch_the_key_set_once_for_two_replicas_sharing_a_cache(
    one_key: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    cache = FakeCache()
    token = signed_token(rsa_key, "RS256", kid="rsa-1")
    replica(one_key.url, cache).resolve(token)

    replica(one_key.url, cache).resolve(token)

    assert one_key.requests == 1


def test_should_take_the_shared_key_set_whatever_key_it_lists_when_no_key_is_wanted(
    one_key: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    cache = FakeCache()
    replica(one_key.url, cache).resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    replica(one_key.url, cache).trusts("rsa-2")

    assert one_key.requests == 1


def test_should_fetch_once_per_rotation_for_two_replicas_sharing_a_cache(
    one_key: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    cache = FakeCache()
    first, second = (replica(one_key.url, cache, refresh_cooldown_seconds=0) for _ in "ab")
    for resolver in (first, second):
        resolver.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))
    one_key.serve_keys(rsa_jwk(rsa_key, "rsa-1"), rsa_jwk(other_rsa_key, "rsa-2"))
    one_key.requests = 0
    rotated = signed_token(other_rsa_key, "RS256", kid="rsa-2")
    first.resolve(rotated)

    second.resolve(rotated)

    assert one_key.requests == 1


def test_should_fetch_the_key_set_when_the_shared_one_lacks_the_key_wanted(
    one_key: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    cache = FakeCache()
    replica(one_key.url, cache).resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))
    one_key.serve_keys(rsa_jwk(other_rsa_key, "rsa-2"))

    key = replica(one_key.url, cache).resolve(signed_token(other_rsa_key, "RS256", kid="rsa-2"))

    assert key.key_id == "rsa-2"


def test_should_fetch_the_key_set_when_the_shared_one_holds_no_usable_key(
    one_key: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    cache = FakeCache()
    SharedKeySets(cache).share(one_key.url, {"keys": []})

    key = replica(one_key.url, cache).resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    assert key.key_id == "rsa-1"


def test_should_fetch_the_key_set_itself_while_the_cache_cannot_answer(
    one_key: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    cache = FakeCache(reachable=False)
    token = signed_token(rsa_key, "RS256", kid="rsa-1")
    replica(one_key.url, cache).resolve(token)

    replica(one_key.url, cache).resolve(token)

    assert one_key.requests == 2


def test_should_not_fetch_again_for_an_unknown_key_right_after_a_fetch(
    one_key: JwksServer, rsa_key: rsa.RSAPrivateKey, other_rsa_key: rsa.RSAPrivateKey
) -> None:
    sut = replica(one_key.url, FakeCache())
    sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    with suppress(UnauthenticatedError):
        sut.resolve(signed_token(other_rsa_key, "RS256", kid="rsa-9"))

    assert one_key.requests == 1
