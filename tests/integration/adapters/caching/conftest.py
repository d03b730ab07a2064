import socket
from collections.abc import Iterator

import pytest

from adapters.caching.redis_cache import RedisCache
from tests.integration.adapters.caching.redis_caches import redis_cache


@pytest.fixture
def sut(redis_url: str, cache_prefix: str) -> Iterator[RedisCache]:
    cache = redis_cache(redis_url, cache_prefix)
    yield cache
    cache.close()


@pytest.fixture
def silent_redis() -> Iterator[str]:
    """An address that takes connections and never answers: a Redis too slow to wait for."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
