import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from application.ports.outbound_message import OutboundMessage
from application.services.event_messages import EventMessages, EventTopics
from application.services.import_events import AuditSubject, ImportEvents
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_rejected import ImportRejected
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator

STARTED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
AUDITED_AT = STARTED_AT + timedelta(seconds=7)
TOPICS = EventTopics(results="import-results", audit="audit-events")
ALICE = UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER, UserRole.VIEWER}))
VERA = UserIdentity(subject="vera", roles=frozenset({UserRole.VIEWER}))
COMPLETED = ImportCompleted(
    event_id="00000000-0000-4000-8000-000000000001",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    rows_read=3,
    rows_imported=2,
    rows_rejected=1,
    started_at=STARTED_AT,
    finished_at=STARTED_AT,
)
FAILED = ImportFailed(
    event_id="00000000-0000-4000-8000-000000000002",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    error=ImportErrorDetail(code="source_not_found", message="no such file"),
    started_at=STARTED_AT,
    finished_at=STARTED_AT,
)
REJECTED = ImportRejected(
    event_id="00000000-0000-4000-8000-000000000003",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    error=ImportErrorDetail(code="forbidden", message="subject 'vera' has no role that may import"),
    started_at=STARTED_AT,
    finished_at=STARTED_AT,
)
SUCCESS = AuditSubject(result=COMPLETED, actor=ALICE, request_id="msg-1")
FAILURE = AuditSubject(result=FAILED, actor=ALICE, request_id="msg-1")
UNAUTHENTICATED = AuditSubject(result=REJECTED, actor=None, request_id="msg-1")
FORBIDDEN = AuditSubject(result=REJECTED, actor=VERA, request_id="msg-1")


def messages() -> EventMessages:
    return EventMessages(topics=TOPICS, trace=FakeTraceContext())


def derived(*parts: str) -> str:
    return SequentialIdGenerator().derive(*parts)


def audit_documents(sent: Sequence[OutboundMessage]) -> list[dict[str, Any]]:
    return [json.loads(message.data) for message in sent if message.topic == TOPICS.audit]


def audit_event_ids(sent: Sequence[OutboundMessage]) -> list[str]:
    return [document["event_id"] for document in audit_documents(sent)]


def audit_event_types(sent: Sequence[OutboundMessage]) -> list[str]:
    return [document["event_type"] for document in audit_documents(sent)]


@pytest.fixture
def sut() -> ImportEvents:
    return ImportEvents(
        messages=messages(), clock=FixedClock(AUDITED_AT), ids=SequentialIdGenerator()
    )


def test_should_send_a_completed_import_to_the_results_topic_then_twice_to_audit(
    sut: ImportEvents,
) -> None:
    sent = sut.completed(SUCCESS)

    assert [message.topic for message in sent] == ["import-results", "audit-events", "audit-events"]


def test_should_lead_with_the_result_event_message(sut: ImportEvents) -> None:
    sent = sut.completed(SUCCESS)

    assert sent[0] == messages().result(COMPLETED)


def test_should_audit_a_completed_import_as_requested_then_completed(sut: ImportEvents) -> None:
    sent = sut.completed(SUCCESS)

    assert audit_event_types(sent) == ["import.requested", "import.completed"]


def test_should_audit_the_request_of_a_completed_import_without_details(
    sut: ImportEvents,
) -> None:
    sent = sut.completed(SUCCESS)

    assert audit_documents(sent)[0] == {
        "event_id": derived("msg-1", "import.requested"),
        "event_type": "import.requested",
        "occurred_at": "2024-05-01T12:00:07+00:00",
        "correlation_id": "corr-1",
        "actor": {"subject": "alice", "roles": ["importer", "viewer"]},
        "resource": {"dataset": "people", "import_id": "imp-1"},
        "outcome": "success",
        "details": {},
    }


def test_should_audit_the_completion_with_the_row_counts(sut: ImportEvents) -> None:
    sent = sut.completed(SUCCESS)

    assert audit_documents(sent)[1] == {
        "event_id": derived("msg-1", "import.completed"),
        "event_type": "import.completed",
        "occurred_at": "2024-05-01T12:00:07+00:00",
        "correlation_id": "corr-1",
        "actor": {"subject": "alice", "roles": ["importer", "viewer"]},
        "resource": {"dataset": "people", "import_id": "imp-1"},
        "outcome": "success",
        "details": {"rows_read": 3, "rows_imported": 2, "rows_rejected": 1},
    }


def test_should_send_a_failed_import_as_its_result_then_one_audit(sut: ImportEvents) -> None:
    sent = sut.failed(FAILURE)

    assert (sent[0], [message.topic for message in sent]) == (
        messages().result(FAILED),
        ["import-results", "audit-events"],
    )


def test_should_audit_a_failed_import_as_a_failure_with_its_error_code(
    sut: ImportEvents,
) -> None:
    sent = sut.failed(FAILURE)

    assert audit_documents(sent) == [
        {
            "event_id": derived("msg-1", "import.failed"),
            "event_type": "import.failed",
            "occurred_at": "2024-05-01T12:00:07+00:00",
            "correlation_id": "corr-1",
            "actor": {"subject": "alice", "roles": ["importer", "viewer"]},
            "resource": {"dataset": "people", "import_id": "imp-1"},
            "outcome": "failure",
            "details": {"error_code": "source_not_found"},
        }
    ]


def test_should_send_a_denied_import_as_its_result_then_one_audit(sut: ImportEvents) -> None:
    sent = sut.denied(UNAUTHENTICATED)

    assert (sent[0], [message.topic for message in sent]) == (
        messages().result(REJECTED),
        ["import-results", "audit-events"],
    )


def test_should_audit_a_request_from_nobody_known_as_denied_with_a_null_actor(
    sut: ImportEvents,
) -> None:
    sent = sut.denied(UNAUTHENTICATED)

    assert audit_documents(sent) == [
        {
            "event_id": derived("msg-1", "import.denied"),
            "event_type": "import.denied",
            "occurred_at": "2024-05-01T12:00:07+00:00",
            "correlation_id": "corr-1",
            "actor": None,
            "resource": {"dataset": "people", "import_id": "imp-1"},
            "outcome": "denied",
            "details": {"error_code": "forbidden"},
        }
    ]


def test_should_name_the_identified_actor_of_a_forbidden_request(sut: ImportEvents) -> None:
    sent = sut.denied(FORBIDDEN)

    assert audit_documents(sent)[0]["actor"] == {"subject": "vera", "roles": ["viewer"]}


def test_should_leave_the_details_empty_when_the_result_carries_no_error(
    sut: ImportEvents,
) -> None:
    sent = sut.failed(SUCCESS)

    assert audit_documents(sent)[0]["details"] == {}


def test_should_publish_a_repeated_result_alone_without_any_audit(sut: ImportEvents) -> None:
    sent = sut.repeated(COMPLETED)

    assert sent == [messages().result(COMPLETED)]


@pytest.mark.parametrize(
    "outcome",
    [ImportEvents.completed, ImportEvents.failed, ImportEvents.denied],
    ids=["completed", "failed", "denied"],
)
def test_should_repeat_the_audit_event_ids_when_the_same_request_is_delivered_again(
    outcome: Callable[[ImportEvents, AuditSubject], list[OutboundMessage]],
) -> None:
    clock = FixedClock(AUDITED_AT, tick=timedelta(minutes=1))
    sut = ImportEvents(messages=messages(), clock=clock, ids=SequentialIdGenerator())
    first = outcome(sut, FAILURE)

    again = outcome(sut, FAILURE)

    assert audit_event_ids(again) == audit_event_ids(first)


def test_should_give_the_audit_of_another_request_other_event_ids(sut: ImportEvents) -> None:
    first = sut.completed(SUCCESS)

    other = sut.completed(replace(SUCCESS, request_id="msg-2"))

    assert set(audit_event_ids(other)).isdisjoint(audit_event_ids(first))
