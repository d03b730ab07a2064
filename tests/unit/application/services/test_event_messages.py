import json
from datetime import UTC, datetime

import pytest

from application.events.audit_event import AuditEvent, AuditEventType, AuditOutcome
from application.services.event_messages import EventMessages, EventTopics
from domain.events.import_completed import ImportCompleted
from domain.events.result_event_codec import encode_result_event
from tests.fakes.fake_trace_context import TRACEPARENT, FakeTraceContext

MOMENT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
TOPICS = EventTopics(results="import-results", audit="audit-events")
RESULT = ImportCompleted(
    event_id="00000000-0000-4000-8000-000000000001",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    rows_read=2,
    rows_imported=2,
    started_at=MOMENT,
    finished_at=MOMENT,
)
AUDIT = AuditEvent(
    event_id="00000000-0000-4000-8000-000000000002",
    event_type=AuditEventType.IMPORT_REQUESTED,
    occurred_at=MOMENT,
    correlation_id="corr-1",
    actor=None,
    dataset="people",
    import_id="imp-1",
    outcome=AuditOutcome.SUCCESS,
)


@pytest.fixture
def sut() -> EventMessages:
    return EventMessages(topics=TOPICS, trace=FakeTraceContext())


def test_should_send_the_result_event_to_the_results_topic(sut: EventMessages) -> None:
    message = sut.result(RESULT)

    assert message.topic == "import-results"


def test_should_carry_the_result_event_as_its_contract_json(sut: EventMessages) -> None:
    message = sut.result(RESULT)

    assert json.loads(message.data) == encode_result_event(RESULT)


def test_should_give_the_result_event_its_attributes_and_the_current_traceparent(
    sut: EventMessages,
) -> None:
    message = sut.result(RESULT)

    assert message.attributes == {
        "event_type": "ImportCompleted",
        "import_id": "imp-1",
        "dataset": "people",
        "correlation_id": "corr-1",
        "schema_version": "1",
        "traceparent": TRACEPARENT,
    }


def test_should_send_the_audit_event_to_the_audit_topic_with_its_attributes(
    sut: EventMessages,
) -> None:
    message = sut.audit(AUDIT)

    assert (message.topic, dict(message.attributes)) == (
        "audit-events",
        {"event_type": "import.requested", "correlation_id": "corr-1"},
    )


def test_should_carry_the_audit_event_as_contract_json(sut: EventMessages) -> None:
    message = sut.audit(AUDIT)

    assert json.loads(message.data) == {
        "event_id": "00000000-0000-4000-8000-000000000002",
        "event_type": "import.requested",
        "occurred_at": "2024-05-01T12:00:00+00:00",
        "correlation_id": "corr-1",
        "actor": None,
        "resource": {"dataset": "people", "import_id": "imp-1"},
        "outcome": "success",
        "details": {},
    }


def test_should_take_the_traceparent_from_the_trace_context_it_is_given() -> None:
    trace = FakeTraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
    sut = EventMessages(topics=TOPICS, trace=trace)

    message = sut.result(RESULT)

    assert message.attributes["traceparent"] == (
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    )
