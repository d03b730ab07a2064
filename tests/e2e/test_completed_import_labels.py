import uuid

import pytest

from tests.e2e.completed_scenario import (
    CORRELATION_ID,
    DATASET,
    IMPORT_ID,
    TRACE_ID,
    UNCORRELATED_IMPORT_ID,
    CompletedOutcome,
    run_completed_scenario,
)
from tests.e2e.event_inbox import EventInbox
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e

LOG_KEYS = {"timestamp", "level", "event", "correlation_id"}
IMPORT_LOG_KEYS = {"import_id", "dataset", "trace_id", "span_id"}


@pytest.fixture(scope="module")
def completed(
    running_worker: WorkerProcess, request_publisher: RequestPublisher, event_inbox: EventInbox
) -> CompletedOutcome:
    return run_completed_scenario(running_worker, request_publisher, event_inbox)


def test_should_echo_the_correlation_id_in_the_result_body(completed: CompletedOutcome) -> None:
    assert completed.result()["correlation_id"] == CORRELATION_ID


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("event_type", "ImportCompleted"),
        ("import_id", IMPORT_ID),
        ("dataset", DATASET),
        ("correlation_id", CORRELATION_ID),
        ("schema_version", "1"),
    ],
    ids=["event_type", "import_id", "dataset", "correlation_id", "schema_version"],
)
def test_should_label_the_result_event_with_attribute(
    name: str, expected: str, completed: CompletedOutcome
) -> None:
    assert completed.result_message().attributes[name] == expected


def test_should_continue_the_request_trace_in_the_result_traceparent(
    completed: CompletedOutcome,
) -> None:
    traceparent = completed.result_message().attributes["traceparent"]

    assert traceparent.split("-")[1] == TRACE_ID


def test_should_generate_a_uuid4_correlation_id_when_the_request_has_none(
    completed: CompletedOutcome,
) -> None:
    correlation_id = completed.result(UNCORRELATED_IMPORT_ID)["correlation_id"]

    assert uuid.UUID(correlation_id).version == 4


def test_should_label_audit_events_with_type_and_correlation_id(
    completed: CompletedOutcome,
) -> None:
    labels = {
        (message.attributes["event_type"], message.attributes["correlation_id"])
        for message in completed.audits_of_import()
    }

    assert labels == {("import.requested", CORRELATION_ID), ("import.completed", CORRELATION_ID)}


def test_should_write_every_log_line_with_timestamp_level_event_and_correlation_id(
    completed: CompletedOutcome,
) -> None:
    present = {frozenset(LOG_KEYS & event.keys()) for event in completed.log}

    assert present == {frozenset(LOG_KEYS)}


def test_should_log_lines_of_an_import_with_its_dataset_and_trace(
    completed: CompletedOutcome,
) -> None:
    lines = [event for event in completed.log if event.get("import_id") == IMPORT_ID]

    assert {frozenset(IMPORT_LOG_KEYS & event.keys()) for event in lines} == {
        frozenset(IMPORT_LOG_KEYS)
    }


def test_should_log_the_import_in_the_trace_of_the_request(completed: CompletedOutcome) -> None:
    lines = [event for event in completed.log if event.get("correlation_id") == CORRELATION_ID]

    assert {event.get("trace_id") for event in lines} == {TRACE_ID}
