import uuid
from collections.abc import Iterator

import pytest
import redis

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="session")
def redis_url() -> str:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1.0)
    try:
        client.ping()
    except redis.ConnectionError as error:
        pytest.skip(f"Redis does not answer on {REDIS_URL} (scripts/ensure-services.sh): {error}")
    finally:
        client.close()
    return REDIS_URL


@pytest.fixture
def raw_redis(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


@pytest.fixture
def cache_prefix(raw_redis: redis.Redis) -> Iterator[str]:
    """A key prefix of its own for each test, whose keys are deleted at its end."""
    prefix = f"test-{uuid.uuid4().hex[:16]}:"
    yield prefix
    for key in raw_redis.scan_iter(match=f"{prefix}*"):
        raw_redis.delete(key)
