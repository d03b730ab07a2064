import sys
from collections.abc import Iterator

import pytest

pytest_plugins = [
    "tests.integration.pubsub_fixtures",
    "tests.integration.storage_fixtures",
    "tests.integration.redis_fixtures",
    "tests.e2e.worker_fixtures",
    "tests.integration.adapters.persistence.leased_world",
    "tests.support.vault_fixtures",
]


@pytest.fixture(autouse=True)
def restored_switch_interval() -> Iterator[None]:
    interval = sys.getswitchinterval()
    yield
    sys.setswitchinterval(interval)
