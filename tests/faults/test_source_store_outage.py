import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

import pytest
from google.cloud import storage

from tests.e2e.event_inbox import EventInbox
from tests.e2e.health_client import HealthAnswer
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_process import LogEvent, WorkerProcess
from tests.faults.backlog import ROWS, Backlog, EndState, retried_deliveries, settle
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BUCKET = f"faults-{uuid.uuid4().hex[:12]}"
OBJECT_NAME = "exports/people.csv"
BACKLOG = Backlog(
    prefix="source-store-outage", size=20, source={"uri": f"gs://{BUCKET}/{OBJECT_NAME}"}
)
OUTAGE_SECONDS = 6.0
WAIT_SECONDS = 180.0
DEAD_LETTER_ATTEMPTS = 5
SOURCE_CIRCUIT = 'import_worker_circuit_state{dependency="source_gs"}'


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceStoreOutage:
    paused_for: list[str]
    readiness: HealthAnswer
    pulling: float
    circuit: float
    recovered_readiness: HealthAnswer
    recovered_pulling: float
    events: list[LogEvent]
    end: EndState


@pytest.fixture(scope="module")
def import_bucket(storage_client: storage.Client) -> storage.Bucket:
    bucket: storage.Bucket = storage_client.create_bucket(BUCKET)
    bucket.blob(OBJECT_NAME).upload_from_string(ROWS.encode("utf-8"), content_type="text/csv")
    return bucket


@pytest.fixture(scope="module")
def worker_overrides(
    storage_proxy: FaultProxy, import_bucket: storage.Bucket, topology: str
) -> Mapping[str, str]:
    return {
        "STORAGE_EMULATOR_HOST": f"http://{storage_proxy.address()}",
        "IMPORT_ALLOWED_BUCKETS": import_bucket.name,
        "BREAKER_RESET_SECONDS": "2",
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-source-store-outage"),
    }


def _paused(events: list[LogEvent]) -> bool:
    return any(event.get("event") == "pull.paused" for event in events)


def _paused_for(events: list[LogEvent]) -> list[str]:
    paused = next(event for event in events if event.get("event") == "pull.paused")
    return list(paused.get("dependencies", []))


@pytest.fixture(scope="module")
def outage(
    running_worker: WorkerProcess,
    storage_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> SourceStoreOutage:
    storage_proxy.refuse()
    storage_proxy.reset()
    BACKLOG.publish(request_publisher)
    running_worker.wait_for_log(_paused, timeout_seconds=WAIT_SECONDS)
    time.sleep(OUTAGE_SECONDS)
    readiness = running_worker.health.request("/readyz")
    pulling = running_worker.health.metric("import_worker_pulling")
    circuit = running_worker.health.metric(SOURCE_CIRCUIT)
    storage_proxy.restore()
    end = settle([BACKLOG], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    running_worker.wait_until_answering("/readyz")
    return SourceStoreOutage(
        paused_for=_paused_for(running_worker.log_events()),
        readiness=readiness,
        pulling=pulling,
        circuit=circuit,
        recovered_readiness=running_worker.health.request("/readyz"),
        recovered_pulling=running_worker.health.metric("import_worker_pulling"),
        events=running_worker.log_events(),
        end=end,
    )


def test_should_pause_pulling_for_the_source_store(outage: SourceStoreOutage) -> None:
    assert outage.paused_for == ["source_gs"]


def test_should_answer_readyz_with_503_while_the_source_store_is_down(
    outage: SourceStoreOutage,
) -> None:
    assert outage.readiness.status == 503


def test_should_name_the_source_store_down_while_it_is_down(outage: SourceStoreOutage) -> None:
    assert outage.readiness.document()["checks"]["source_store"]["status"] == "down"


def test_should_report_pulling_paused_while_the_source_store_is_down(
    outage: SourceStoreOutage,
) -> None:
    assert outage.pulling == 0.0


def test_should_report_the_source_circuit_open_while_the_source_store_is_down(
    outage: SourceStoreOutage,
) -> None:
    assert outage.circuit == 2.0


def test_should_stay_below_the_dead_letter_policys_attempts(outage: SourceStoreOutage) -> None:
    deliveries = max(retried_deliveries(outage.events).values(), default=0) + 1

    assert deliveries < DEAD_LETTER_ATTEMPTS


def test_should_complete_every_request_after_the_outage(outage: SourceStoreOutage) -> None:
    assert outage.end.outcomes() == {"ImportCompleted"}


def test_should_publish_one_logical_result_per_request(outage: SourceStoreOutage) -> None:
    assert outage.end.logical_results() == BACKLOG.once_each()


def test_should_store_every_record_once_after_the_outage(outage: SourceStoreOutage) -> None:
    assert outage.end.records == BACKLOG.expected_records()


def test_should_pull_again_after_the_outage(outage: SourceStoreOutage) -> None:
    assert outage.recovered_pulling == 1.0


def test_should_answer_readyz_with_200_after_the_outage(outage: SourceStoreOutage) -> None:
    assert outage.recovered_readiness.status == 200
