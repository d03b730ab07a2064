from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from adapters.caching.redis_cache import RedisCache
from adapters.caching.shared_key_sets import SharedKeySets
from adapters.security.jwks_key_resolver import JwksKeyResolver
from tests.integration.adapters.caching.redis_caches import closed_address, redis_cache
from tests.support.jwks_server import JwksServer, rsa_jwk, serving_jwks
from tests.unit.adapters.security.token_builders import signed_token

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def rotated_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def provider(signing_key: rsa.RSAPrivateKey) -> Iterator[JwksServer]:
    with serving_jwks() as jwks:
        jwks.serve_keys(rsa_jwk(signing_key, "rsa-1"))
        yield jwks


@pytest.fixture
def caches(redis_url: str, cache_prefix: str) -> Iterator[list[RedisCache]]:
    """One Redis, reached by each replica through a client of its own."""
    made = [redis_cache(redis_url, cache_prefix) for _ in range(2)]
    yield made
    for cache in made:
        cache.close()


def replica(url: str, cache: RedisCache, **options: Any) -> JwksKeyResolver:
    return JwksKeyResolver(
        url, allow_insecure_loopback=True, shared=SharedKeySets(cache), **options
    )


def test_should_fetch_the_key_set_once_for_two_replicas_sharing_one_redis(
    provider: JwksServer, caches: list[RedisCache], signing_key: rsa.RSAPrivateKey
) -> None:
    first, second = (replica(provider.url, cache) for cache in caches)
    token = signed_token(signing_key, "RS256", kid="rsa-1")
    first.resolve(token)

    second.resolve(token)

    assert provider.requests == 1


def test_should_fetch_once_per_key_rotation_for_two_replicas_sharing_one_redis(
    provider: JwksServer,
    caches: list[RedisCache],
    signing_key: rsa.RSAPrivateKey,
    rotated_key: rsa.RSAPrivateKey,
) -> None:
    first, second = (replica(provider.url, cache, refresh_cooldown_seconds=0) for cache in caches)
    for resolver in (first, second):
        resolver.resolve(signed_token(signing_key, "RS256", kid="rsa-1"))
    provider.serve_keys(rsa_jwk(signing_key, "rsa-1"), rsa_jwk(rotated_key, "rsa-2"))
    provider.requests = 0
    first.resolve(signed_token(rotated_key, "RS256", kid="rsa-2"))

    second.resolve(signed_token(rotated_key, "RS256", kid="rsa-2"))

    assert provider.requests == 1


def test_should_verify_with_a_key_set_fetched_itself_while_redis_is_unreachable(
    provider: JwksServer, cache_prefix: str, signing_key: rsa.RSAPrivateKey
) -> None:
    sut = replica(provider.url, redis_cache(closed_address(), cache_prefix))

    key = sut.resolve(signed_token(signing_key, "RS256", kid="rsa-1"))

    assert key.key_id == "rsa-1"
