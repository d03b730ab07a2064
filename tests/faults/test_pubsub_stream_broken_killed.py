import time
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import WorkerProcess
from tests.faults.backlog import Backlog, EndState, settle
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BEFORE = Backlog(prefix="stream-killed-before", size=5)
DURING = Backlog(prefix="stream-killed-during", size=10)
ACKS_SECONDS = 2.0
WAIT_SECONDS = 180.0


@dataclass(frozen=True, slots=True, kw_only=True)
class KilledWhileBroken:
    end: EndState
    replacement: WorkerProcess


@pytest.fixture(scope="module")
def worker_overrides(emulator_proxy: FaultProxy, topology: str) -> Mapping[str, str]:
    return {
        "PUBSUB_EMULATOR_HOST": emulator_proxy.address(),
        "BREAKER_RESET_SECONDS": "2",
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-stream-killed"),
    }


@pytest.fixture(scope="module")
def killed(
    worker_launcher: WorkerLauncher,
    running_worker: WorkerProcess,
    emulator_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> KilledWhileBroken:
    BEFORE.publish(request_publisher)
    settle([BEFORE], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    time.sleep(ACKS_SECONDS)
    emulator_proxy.refuse()
    emulator_proxy.reset()
    DURING.publish(request_publisher)
    running_worker.health.first_answer("/readyz", status=503, timeout_seconds=WAIT_SECONDS)
    running_worker.kill()
    emulator_proxy.restore()
    replacement = worker_launcher.start_ready("replacement")
    return KilledWhileBroken(
        end=settle(
            [BEFORE, DURING], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS
        ),
        replacement=replacement,
    )


def test_should_answer_every_request_once_after_a_kill_in_the_break(
    killed: KilledWhileBroken,
) -> None:
    assert killed.end.logical_results() == BEFORE.once_each() | DURING.once_each()


def test_should_store_every_record_once_after_a_kill_in_the_break(
    killed: KilledWhileBroken,
) -> None:
    assert killed.end.records == BEFORE.expected_records() | DURING.expected_records()


def test_should_complete_every_request_after_a_kill_in_the_break(
    killed: KilledWhileBroken,
) -> None:
    assert killed.end.outcomes() == {"ImportCompleted"}


def test_should_keep_the_replacement_running_after_the_break(killed: KilledWhileBroken) -> None:
    assert killed.replacement.running()
