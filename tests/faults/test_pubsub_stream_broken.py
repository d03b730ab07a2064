import time
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.health_client import HealthAnswer
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_process import WorkerProcess
from tests.faults.backlog import Backlog, EndState, settle
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BEFORE = Backlog(prefix="stream-before", size=10)
DURING = Backlog(prefix="stream-during", size=10)
AFTER = Backlog(prefix="stream-after", size=10)
ACKS_SECONDS = 2.0
WAIT_SECONDS = 180.0


@dataclass(frozen=True, slots=True, kw_only=True)
class BrokenStream:
    readiness: HealthAnswer
    liveness: HealthAnswer
    circuit: float
    end: EndState
    still_running: bool


@pytest.fixture(scope="module")
def worker_overrides(emulator_proxy: FaultProxy, topology: str) -> Mapping[str, str]:
    return {
        "PUBSUB_EMULATOR_HOST": emulator_proxy.address(),
        "BREAKER_RESET_SECONDS": "2",
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-stream-broken"),
    }


PULL_CIRCUIT = 'import_worker_circuit_state{dependency="pubsub_pull"}'


def _asked_until_the_pull_circuit_opens(worker: WorkerProcess) -> bool:
    worker.health.status("/readyz")
    return worker.health.metric(PULL_CIRCUIT) == 2.0


@pytest.fixture(scope="module")
def broken(
    running_worker: WorkerProcess,
    emulator_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> BrokenStream:
    BEFORE.publish(request_publisher)
    settle([BEFORE], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    time.sleep(ACKS_SECONDS)
    emulator_proxy.refuse()
    emulator_proxy.reset()
    DURING.publish(request_publisher)
    readiness = running_worker.health.first_answer(
        "/readyz", status=503, timeout_seconds=WAIT_SECONDS
    )
    liveness = running_worker.health.request("/livez")
    running_worker.wait_until(
        lambda: _asked_until_the_pull_circuit_opens(running_worker), timeout_seconds=WAIT_SECONDS
    )
    circuit = running_worker.health.metric(PULL_CIRCUIT)
    emulator_proxy.restore()
    settle([DURING], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    AFTER.publish(request_publisher)
    return BrokenStream(
        readiness=readiness,
        liveness=liveness,
        circuit=circuit,
        end=settle(
            [BEFORE, DURING, AFTER],
            inbox=event_inbox,
            schema=e2e_schema,
            timeout_seconds=WAIT_SECONDS,
        ),
        still_running=running_worker.running(),
    )


def test_should_answer_readyz_with_503_while_pubsub_is_unreachable(broken: BrokenStream) -> None:
    assert broken.readiness.status == 503


def test_should_name_pubsub_down_while_it_is_unreachable(broken: BrokenStream) -> None:
    assert broken.readiness.document()["checks"]["pubsub"]["status"] == "down"


def test_should_stay_live_while_pubsub_is_unreachable(broken: BrokenStream) -> None:
    assert broken.liveness.status == 200


def test_should_report_the_pull_circuit_open_while_pubsub_is_unreachable(
    broken: BrokenStream,
) -> None:
    assert broken.circuit == 2.0


def test_should_answer_every_request_once_around_the_break(broken: BrokenStream) -> None:
    expected = BEFORE.once_each() | DURING.once_each() | AFTER.once_each()

    assert broken.end.logical_results() == expected


def test_should_complete_every_request_around_the_break(broken: BrokenStream) -> None:
    assert broken.end.outcomes() == {"ImportCompleted"}


def test_should_store_every_record_once_around_the_break(broken: BrokenStream) -> None:
    expected = BEFORE.expected_records() | DURING.expected_records() | AFTER.expected_records()

    assert broken.end.records == expected


def test_should_keep_running_through_the_break(broken: BrokenStream) -> None:
    assert broken.still_running
