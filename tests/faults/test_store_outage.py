import time
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.health_client import HealthAnswer
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_process import LogEvent, WorkerProcess
from tests.faults.backlog import Backlog, EndState, retried_deliveries, settle
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BACKLOG = Backlog(prefix="store-outage", size=40)
OUTAGE_SECONDS = 8.0
WAIT_SECONDS = 60.0
DEAD_LETTER_ATTEMPTS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreOutage:
    readiness: HealthAnswer
    pulling: float
    circuit: float
    recovered_readiness: HealthAnswer
    recovered_pulling: float
    events: list[LogEvent]
    end: EndState
    still_running: bool


@pytest.fixture(scope="module")
def worker_overrides(
    postgres_proxy: FaultProxy, e2e_schema: PostgresSchema, topology: str
) -> Mapping[str, str]:
    return {
        "DATABASE_URL": e2e_schema.database_url_through(postgres_proxy.port),
        "BREAKER_RESET_SECONDS": "2",
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-store-outage"),
    }


def _paused(events: list[LogEvent]) -> bool:
    return any(event.get("event") == "pull.paused" for event in events)


@pytest.fixture(scope="module")
def outage(
    running_worker: WorkerProcess,
    postgres_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> StoreOutage:
    postgres_proxy.refuse()
    postgres_proxy.reset()
    BACKLOG.publish(request_publisher)
    running_worker.wait_for_log(_paused, timeout_seconds=WAIT_SECONDS)
    time.sleep(OUTAGE_SECONDS)
    readiness = running_worker.health.request("/readyz")
    pulling = running_worker.health.metric("import_worker_pulling")
    circuit = running_worker.health.metric('import_worker_circuit_state{dependency="store"}')
    postgres_proxy.restore()
    end = settle([BACKLOG], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    running_worker.wait_until_answering("/readyz")
    return StoreOutage(
        readiness=readiness,
        pulling=pulling,
        circuit=circuit,
        recovered_readiness=running_worker.health.request("/readyz"),
        recovered_pulling=running_worker.health.metric("import_worker_pulling"),
        events=running_worker.log_events(),
        end=end,
        still_running=running_worker.running(),
    )


def test_should_answer_readyz_with_503_while_the_store_is_down(outage: StoreOutage) -> None:
    assert outage.readiness.status == 503


def test_should_name_the_repository_down_while_the_store_is_down(outage: StoreOutage) -> None:
    assert outage.readiness.document()["checks"]["repository"]["status"] == "down"


def test_should_report_pulling_paused_while_the_store_is_down(outage: StoreOutage) -> None:
    assert outage.pulling == 0.0


def test_should_report_the_store_circuit_open_while_the_store_is_down(outage: StoreOutage) -> None:
    assert outage.circuit == 2.0


def test_should_deliver_each_request_at_most_twice_during_the_outage(outage: StoreOutage) -> None:
    assert max(retried_deliveries(outage.events).values(), default=0) <= 2


def test_should_stay_below_the_dead_letter_policys_attempts(outage: StoreOutage) -> None:
    deliveries = max(retried_deliveries(outage.events).values(), default=0) + 1

    assert deliveries < DEAD_LETTER_ATTEMPTS


def test_should_publish_one_logical_result_per_request(outage: StoreOutage) -> None:
    assert outage.end.logical_results() == BACKLOG.once_each()


def test_should_complete_every_request_after_the_outage(outage: StoreOutage) -> None:
    assert outage.end.outcomes() == {"ImportCompleted"}


def test_should_store_every_record_once_after_the_outage(outage: StoreOutage) -> None:
    assert outage.end.records == BACKLOG.expected_records()


def test_should_pull_again_after_the_outage(outage: StoreOutage) -> None:
    assert outage.recovered_pulling == 1.0


def test_should_answer_readyz_with_200_after_the_outage(outage: StoreOutage) -> None:
    assert outage.recovered_readiness.status == 200


def test_should_keep_running_through_the_outage(outage: StoreOutage) -> None:
    assert outage.still_running
