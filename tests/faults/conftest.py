import uuid
from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

import pytest
import redis

from tests.e2e.postgres_schema import POSTGRES_HOST, POSTGRES_PORT
from tools.fault_proxy import FaultProxy
from tools.storage_emulator import StorageEmulator


@pytest.fixture(scope="module")
def postgres_proxy() -> Iterator[FaultProxy]:
    proxy = FaultProxy(POSTGRES_HOST, POSTGRES_PORT).start()
    yield proxy
    proxy.close()


@pytest.fixture(scope="module")
def emulator_proxy(pubsub_emulator_host: str) -> Iterator[FaultProxy]:
    host, port = pubsub_emulator_host.rsplit(":", 1)
    proxy = FaultProxy(host, int(port)).start()
    yield proxy
    proxy.close()


@pytest.fixture(scope="module")
def redis_proxy(redis_url: str) -> Iterator[FaultProxy]:
    address = urlsplit(redis_url)
    proxy = FaultProxy(str(address.hostname), int(address.port or 6379)).start()
    yield proxy
    proxy.close()


@pytest.fixture(scope="module")
def proxied_cache(redis_proxy: FaultProxy, redis_url: str) -> Iterator[Mapping[str, str]]:
    """The worker's cache settings: Redis through the proxy, under a key prefix of the module's
    own, whose keys are deleted at its end."""
    prefix = f"faults-{uuid.uuid4().hex[:16]}:"
    yield {"REDIS_URL": f"redis://{redis_proxy.address()}/0", "CACHE_KEY_PREFIX": prefix}
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="module")
def storage_proxy(storage_emulator: StorageEmulator) -> Iterator[FaultProxy]:
    address = urlsplit(storage_emulator.url)
    proxy = FaultProxy(str(address.hostname), int(address.port or 80)).start()
    yield proxy
    proxy.close()
