import time
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import LogEvent, WorkerProcess
from tests.faults.backlog import Backlog, EndState, settle
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BACKLOG = Backlog(prefix="store-outage-killed", size=20)
OUTAGE_SECONDS = 3.0
WAIT_SECONDS = 180.0


@dataclass(frozen=True, slots=True, kw_only=True)
class KilledInOutage:
    end: EndState
    replacement: WorkerProcess


@pytest.fixture(scope="module")
def worker_overrides(
    postgres_proxy: FaultProxy, e2e_schema: PostgresSchema, topology: str
) -> Mapping[str, str]:
    return {
        "DATABASE_URL": e2e_schema.database_url_through(postgres_proxy.port),
        "BREAKER_RESET_SECONDS": "2",
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-store-outage-killed"),
    }


def _paused(events: list[LogEvent]) -> bool:
    return any(event.get("event") == "pull.paused" for event in events)


@pytest.fixture(scope="module")
def killed(
    worker_launcher: WorkerLauncher,
    running_worker: WorkerProcess,
    postgres_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> KilledInOutage:
    postgres_proxy.refuse()
    postgres_proxy.reset()
    BACKLOG.publish(request_publisher)
    running_worker.wait_for_log(_paused, timeout_seconds=WAIT_SECONDS)
    running_worker.kill()
    time.sleep(OUTAGE_SECONDS)
    postgres_proxy.restore()
    replacement = worker_launcher.start_ready("replacement")
    return KilledInOutage(
        end=settle([BACKLOG], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS),
        replacement=replacement,
    )


def test_should_publish_one_logical_result_per_request_after_a_kill(
    killed: KilledInOutage,
) -> None:
    assert killed.end.logical_results() == BACKLOG.once_each()


def test_should_complete_every_request_after_a_kill(killed: KilledInOutage) -> None:
    assert killed.end.outcomes() == {"ImportCompleted"}


def test_should_store_every_record_once_after_a_kill(killed: KilledInOutage) -> None:
    assert killed.end.records == BACKLOG.expected_records()


def test_should_keep_the_replacement_running(killed: KilledInOutage) -> None:
    assert killed.replacement.running()
