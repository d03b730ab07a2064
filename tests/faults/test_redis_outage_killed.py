from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.health_client import HealthAnswer
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import WorkerProcess
from tests.faults.backlog import Backlog, EndState, settle
from tests.faults.redis_phases import CLOSED, OPEN, wait_for_redis_circuit
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BACKLOG = Backlog(prefix="redis-killed", size=20)
WAIT_SECONDS = 180.0


@dataclass(frozen=True, slots=True, kw_only=True)
class KilledWithoutRedis:
    started_readiness: HealthAnswer
    healed_readiness: HealthAnswer
    end: EndState
    replacement: WorkerProcess


@pytest.fixture(scope="module")
def worker_overrides(proxied_cache: Mapping[str, str], topology: str) -> Mapping[str, str]:
    return {
        **proxied_cache,
        "BREAKER_RESET_SECONDS": "2",
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-redis-killed"),
    }


@pytest.fixture(scope="module")
def killed(
    worker_launcher: WorkerLauncher,
    running_worker: WorkerProcess,
    redis_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> KilledWithoutRedis:
    redis_proxy.refuse()
    redis_proxy.reset()
    BACKLOG.publish(request_publisher)
    wait_for_redis_circuit(running_worker, OPEN, WAIT_SECONDS)
    running_worker.kill()
    replacement = worker_launcher.start_ready("replacement")
    started_readiness = replacement.health.request("/readyz")
    end = settle([BACKLOG], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    redis_proxy.restore()
    wait_for_redis_circuit(replacement, CLOSED, WAIT_SECONDS)
    return KilledWithoutRedis(
        started_readiness=started_readiness,
        healed_readiness=replacement.health.request("/readyz"),
        end=end,
        replacement=replacement,
    )


def test_should_start_a_replacement_degraded_while_redis_is_down(
    killed: KilledWithoutRedis,
) -> None:
    assert killed.started_readiness.document()["status"] == "degraded"


def test_should_heal_the_replacement_once_redis_is_back(killed: KilledWithoutRedis) -> None:
    assert killed.healed_readiness.document()["status"] == "up"


def test_should_publish_one_logical_result_per_request_after_a_kill(
    killed: KilledWithoutRedis,
) -> None:
    assert killed.end.logical_results() == BACKLOG.once_each()


def test_should_complete_every_request_after_a_kill(killed: KilledWithoutRedis) -> None:
    assert killed.end.outcomes() == {"ImportCompleted"}


def test_should_store_every_record_once_after_a_kill(killed: KilledWithoutRedis) -> None:
    assert killed.end.records == BACKLOG.expected_records()


def test_should_keep_the_replacement_running(killed: KilledWithoutRedis) -> None:
    assert killed.replacement.running()
