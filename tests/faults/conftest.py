from collections.abc import Iterator

import pytest

from tests.e2e.postgres_schema import POSTGRES_HOST, POSTGRES_PORT
from tools.fault_proxy import FaultProxy


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
