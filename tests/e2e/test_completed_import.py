from datetime import datetime

import pytest

from tests.e2e.completed_scenario import (
    DATASET,
    IMPORT_ID,
    CompletedOutcome,
    run_completed_scenario,
)
from tests.e2e.event_inbox import EventInbox
from tests.e2e.event_queries import audit_types_for
from tests.e2e.import_request import IMPORTER
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def completed(
    running_worker: WorkerProcess, request_publisher: RequestPublisher, event_inbox: EventInbox
) -> CompletedOutcome:
    return run_completed_scenario(running_worker, request_publisher, event_inbox)


def test_should_publish_import_completed_with_counts(completed: CompletedOutcome) -> None:
    result = completed.result()

    assert {
        key: result[key] for key in ("event_type", "rows_read", "rows_imported", "rows_rejected")
    } == {"event_type": "ImportCompleted", "rows_read": 5, "rows_imported": 3, "rows_rejected": 2}


def test_should_list_each_rejected_row_with_its_column(completed: CompletedOutcome) -> None:
    rejections = completed.result()["rejections"]

    assert [(item["row"], item["column"]) for item in rejections] == [(2, "age"), (5, "age")]


def test_should_give_a_reason_for_each_rejection(completed: CompletedOutcome) -> None:
    assert all(item["reason"] for item in completed.result()["rejections"])


def test_should_carry_no_error_on_a_completed_result(completed: CompletedOutcome) -> None:
    assert completed.result()["error"] is None


def test_should_finish_the_import_after_it_started(completed: CompletedOutcome) -> None:
    result = completed.result()

    started, finished = (
        datetime.fromisoformat(result[key]) for key in ("started_at", "finished_at")
    )

    assert finished >= started


def test_should_audit_the_request_and_the_completion(completed: CompletedOutcome) -> None:
    types = audit_types_for(completed.audits, IMPORT_ID)

    assert types == ["import.completed", "import.requested"]


def test_should_mark_both_audits_as_successful(completed: CompletedOutcome) -> None:
    outcomes = [message.body()["outcome"] for message in completed.audits_of_import()]

    assert outcomes == ["success", "success"]


def test_should_name_the_importer_as_actor_of_every_audit(completed: CompletedOutcome) -> None:
    actors = [message.body()["actor"] for message in completed.audits_of_import()]

    assert actors == [{"subject": IMPORTER, "roles": ["importer"]}] * 2


def test_should_store_every_valid_row_once(
    completed: CompletedOutcome, e2e_schema: PostgresSchema
) -> None:
    assert e2e_schema.count_records(DATASET) == 3


def test_should_store_typed_values_of_valid_rows(
    completed: CompletedOutcome, e2e_schema: PostgresSchema
) -> None:
    assert e2e_schema.record_values(DATASET) == [
        {"id": 1, "name": "Ada", "age": 36},
        {"id": 3, "name": "Alan", "age": 41},
        {"id": 4, "name": "Edsger", "age": None},
    ]
