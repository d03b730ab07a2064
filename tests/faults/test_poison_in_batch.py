from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import LogEvent
from tests.faults.backlog import Backlog, EndState, settle
from tests.faults.poison_batch import poison_request, publish_with_poison_in_the_middle

pytestmark = pytest.mark.faults

BACKLOG = Backlog(prefix="poisoned-batch", size=19)
POISON = poison_request(BACKLOG)
WAIT_SECONDS = 60.0


@dataclass(frozen=True, slots=True, kw_only=True)
class PoisonedBatch:
    end: EndState
    poison_results: list[dict[str, Any]]
    poison_event_ids: set[str]
    poison_records: int
    events: list[LogEvent]


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {"IMPORT_BATCH_MAX_MESSAGES": "100"}


@pytest.fixture(scope="module")
def poisoned(
    worker_launcher: WorkerLauncher,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> PoisonedBatch:
    publish_with_poison_in_the_middle(BACKLOG, request_publisher)
    worker = worker_launcher.start_ready("batching")
    event_inbox.results.wait_until(
        has_results_for([POISON.import_id]), timeout_seconds=WAIT_SECONDS
    )
    end = settle([BACKLOG], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    return PoisonedBatch(
        end=end,
        poison_results=results_for(end.results, POISON.import_id),
        poison_event_ids=event_ids_for(end.results, POISON.import_id),
        poison_records=end.records.get(POISON.import_id, 0),
        events=worker.log_events(),
    )


def test_should_write_the_poisoned_batch_request_by_request(poisoned: PoisonedBatch) -> None:
    assert any(event.get("event") == "import.batch_isolated" for event in poisoned.events)


def test_should_fail_the_poison_alone_as_unstorable(poisoned: PoisonedBatch) -> None:
    assert poisoned.poison_results[0]["error"]["code"] == "unstorable_row"


def test_should_answer_the_poison_with_one_logical_result(poisoned: PoisonedBatch) -> None:
    assert len(poisoned.poison_event_ids) == 1


def test_should_store_no_row_of_the_poison(poisoned: PoisonedBatch) -> None:
    assert poisoned.poison_records == 0


def test_should_complete_every_other_request_of_the_batch(poisoned: PoisonedBatch) -> None:
    assert poisoned.end.outcomes() == {"ImportCompleted"}


def test_should_answer_every_other_request_once(poisoned: PoisonedBatch) -> None:
    assert poisoned.end.logical_results() == BACKLOG.once_each()


def test_should_store_every_other_request_once(poisoned: PoisonedBatch) -> None:
    assert poisoned.end.records_of(BACKLOG.import_ids()) == BACKLOG.expected_records()


def test_should_dead_letter_nothing_of_the_batch(poisoned: PoisonedBatch) -> None:
    assert poisoned.end.dead_letters == []
