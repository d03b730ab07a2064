from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for
from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e

DATASET = "replicas"
IMPORTS = 40
ROWS_PER_IMPORT = 25
TWICE = "replicas-07"
IMPORT_IDS = [f"replicas-{number:02d}" for number in range(IMPORTS)]
WAIT_SECONDS = 60.0
QUIET_SECONDS = 2.0
HANDLED_EVENTS = ("import.completed", "import.already_completed")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplicasOutcome:
    results: list[ReceivedMessage]
    records_by_import: dict[str, int]
    handled_by_replica: list[int]


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {"PUBSUB_MAX_OUTSTANDING_MESSAGES": "2", "PUBSUB_CALLBACK_THREADS": "2"}


def _request(import_id: str) -> ImportRequest:
    rows = "".join(f"{row},{import_id} row {row}\n" for row in range(ROWS_PER_IMPORT))
    return ImportRequest(
        import_id=import_id,
        dataset=DATASET,
        source=inline_source(f"n,label\n{rows}"),
        authorization=importer_authorization(),
    )


def _handled(replica: WorkerProcess) -> int:
    return sum(1 for event in replica.log_events() if event.get("event") in HANDLED_EVENTS)


@pytest.fixture(scope="module")
def replicas(
    worker_launcher: WorkerLauncher,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> ReplicasOutcome:
    started = [worker_launcher.start_ready(f"replica-{name}") for name in ("a", "b")]
    for import_id in [*IMPORT_IDS, TWICE]:
        request_publisher.publish(_request(import_id))
    event_inbox.results.wait_until(has_results_for(IMPORT_IDS), timeout_seconds=WAIT_SECONDS)
    event_inbox.results.wait_until(has_results_for([TWICE], each=2), timeout_seconds=WAIT_SECONDS)
    return ReplicasOutcome(
        results=event_inbox.results.collect_for(QUIET_SECONDS),
        records_by_import=e2e_schema.count_records_by_import(DATASET),
        handled_by_replica=[_handled(replica) for replica in started],
    )


def test_should_publish_one_distinct_event_id_per_import(replicas: ReplicasOutcome) -> None:
    event_id_counts = {key: len(event_ids_for(replicas.results, key)) for key in IMPORT_IDS}

    assert event_id_counts == {key: 1 for key in IMPORT_IDS}


def test_should_publish_the_result_of_the_twice_published_import_twice(
    replicas: ReplicasOutcome,
) -> None:
    twice = [message for message in replicas.results if message.attributes["import_id"] == TWICE]

    assert len(twice) >= 2


def test_should_store_every_row_of_every_import_exactly_once(replicas: ReplicasOutcome) -> None:
    assert replicas.records_by_import == {key: ROWS_PER_IMPORT for key in IMPORT_IDS}


def test_should_share_the_messages_between_both_replicas(replicas: ReplicasOutcome) -> None:
    assert min(replicas.handled_by_replica) > 0
