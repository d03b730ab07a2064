import time
from collections.abc import Callable
from contextlib import suppress

import pytest
import redis

from adapters.caching.redis_cache import RedisCache
from adapters.system.cache_probe import CacheProbe
from application.errors import DependencyUnavailableError
from application.ports.cache import Cache
from domain.health.health_status import HealthStatus
from tests.integration.adapters.caching.redis_caches import (
    TTL_SECONDS,
    cache_policy,
    closed_address,
    movable_cache,
    moved,
    redis_cache,
)
from tools.pubsub_emulator import free_port

pytestmark = pytest.mark.integration

REDIS_PORT = 6379

REQUESTS: dict[str, Callable[[Cache], object]] = {
    "get_many": lambda cache: cache.get_many(["imports:imp-1"]),
    "put_many": lambda cache: cache.put_many({"imports:imp-1": b"{}"}),
    "put_markers": lambda cache: cache.put_markers({"generations:people": b"g-1"}),
    "add_marker": lambda cache: cache.add_marker("generations:people", b"g-1"),
    "ping": lambda cache: cache.ping(),
}


def test_should_hold_no_value_for_keys_never_stored(sut: RedisCache) -> None:
    values = sut.get_many(["imports:imp-1", "imports:imp-2"])

    assert values == [None, None]


def test_should_give_back_the_entries_it_stored(sut: RedisCache) -> None:
    sut.put_many({"imports:imp-1": b"one", "imports:imp-2": b"two"})

    values = sut.get_many(["imports:imp-2", "imports:imp-9", "imports:imp-1"])

    assert values == [b"two", None, b"one"]


def test_should_let_entries_expire_after_the_time_to_live(
    sut: RedisCache, raw_redis: redis.Redis, cache_prefix: str
) -> None:
    sut.put_many({"imports:imp-1": b"one"})

    remaining = raw_redis.ttl(f"{cache_prefix}imports:imp-1")

    assert 0 < remaining <= TTL_SECONDS


def test_should_keep_markers_until_they_are_replaced(
    sut: RedisCache, raw_redis: redis.Redis, cache_prefix: str
) -> None:
    sut.put_markers({"generations:people": b"g-1"})

    remaining = raw_redis.ttl(f"{cache_prefix}generations:people")

    assert remaining == -1


def test_should_replace_the_markers_it_is_given(sut: RedisCache) -> None:
    sut.put_markers({"generations:people": b"g-1", "generations:orders": b"o-1"})

    sut.put_markers({"generations:people": b"g-2"})

    assert sut.get_many(["generations:people", "generations:orders"]) == [b"g-2", b"o-1"]


def test_should_add_a_marker_where_none_stands(sut: RedisCache) -> None:
    standing = sut.add_marker("generations:people", b"g-1")

    assert standing == b"g-1"


def test_should_keep_the_marker_that_stands_rather_than_add_another(sut: RedisCache) -> None:
    sut.add_marker("generations:people", b"g-1")

    standing = sut.add_marker("generations:people", b"g-2")

    assert standing == b"g-1"


def test_should_keep_every_key_under_its_prefix(
    sut: RedisCache, raw_redis: redis.Redis, cache_prefix: str
) -> None:
    sut.put_many({"imports:imp-1": b"one"})
    sut.put_markers({"generations:people": b"g-1"})

    keys = set(raw_redis.scan_iter(match=f"{cache_prefix}*"))

    assert keys == {
        f"{cache_prefix}imports:imp-1".encode(),
        f"{cache_prefix}generations:people".encode(),
    }


def test_should_report_the_cache_up_while_redis_answers(sut: RedisCache) -> None:
    probe = CacheProbe(sut)

    result = probe.check()

    assert result.status is HealthStatus.UP


@pytest.mark.parametrize("request_of", REQUESTS.values(), ids=REQUESTS.keys())
def test_should_raise_an_outage_while_redis_is_unreachable(
    request_of: Callable[[Cache], object], cache_prefix: str
) -> None:
    sut = redis_cache(closed_address(), cache_prefix)

    with pytest.raises(DependencyUnavailableError, match="the Redis cache is unavailable"):
        request_of(sut)


def test_should_raise_an_outage_when_redis_does_not_answer_in_time(
    silent_redis: str, cache_prefix: str
) -> None:
    sut = redis_cache(silent_redis, cache_prefix)

    with pytest.raises(DependencyUnavailableError, match="Timeout"):
        sut.get_many(["imports:imp-1"])


def test_should_report_the_cache_down_while_redis_is_unreachable(cache_prefix: str) -> None:
    probe = CacheProbe(redis_cache(closed_address(), cache_prefix))

    result = probe.check()

    assert result.status is HealthStatus.DOWN


def test_should_refuse_at_once_without_asking_redis_while_its_circuit_is_open(
    silent_redis: str, cache_prefix: str
) -> None:
    sut = redis_cache(silent_redis, cache_prefix, policy=cache_policy(failure_threshold=1))
    with suppress(DependencyUnavailableError):
        sut.get_many(["imports:imp-1"])

    with pytest.raises(DependencyUnavailableError, match="its circuit is open"):
        sut.get_many(["imports:imp-1"])


def test_should_answer_again_by_itself_once_redis_is_back(
    redis_url: str, cache_prefix: str
) -> None:
    policy = cache_policy(failure_threshold=1, reset_seconds=0.2)
    sut, client = movable_cache(free_port(), cache_prefix, policy)
    with suppress(DependencyUnavailableError):
        sut.get_many(["imports:imp-1"])
    moved(client, REDIS_PORT)
    time.sleep(0.3)

    values = sut.get_many(["imports:imp-1"])

    assert values == [None]
