import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from application.errors import DependencyUnavailableError
from application.ports.outbound_message import OutboundMessage
from application.services.outcome_messages import OutcomeMessages, EventTopics
from application.use_cases.dead_letter_message import DeadLetterMessage, DeadLetterMessageUseCase
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_trace_context import TRACEPARENT, FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator

DEAD_LETTERED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
TOPICS = EventTopics(results="import-results", audit="audit-events")
DEAD_LETTER_TOPIC = "import-requests-dead-letter"
ORIGINAL_DATA = b'{"import_id": "imp-1", "dataset": 42'
COMMAND = DeadLetterMessage(
    message_id="pubsub-17",
    data=ORIGINAL_DATA,
    attributes={"schema_version": "1", "correlation_id": "corr-1", "traceparent": "00-a-b-01"},
    reason="malformed_json",
    error="Expecting ',' delimiter: line 1 column 38",
    correlation_id="corr-1",
)


@pytest.fixture
def publisher() -> FakeMessagePublisher:
    return FakeMessagePublisher()


@pytest.fixture
def sut(publisher: FakeMessagePublisher) -> DeadLetterMessageUseCase:
    return DeadLetterMessageUseCase(
        publisher=publisher,
        dead_letter_topic=DEAD_LETTER_TOPIC,
        messages=OutcomeMessages(
            topics=TOPICS,
            clock=FixedClock(DEAD_LETTERED_AT),
            ids=SequentialIdGenerator(),
            trace=FakeTraceContext(),
        ),
    )


def audit_document(message: OutboundMessage) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(message.data)
    return document


def test_should_publish_the_copy_and_its_audit_together_in_one_batch(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert [[message.topic for message in batch] for batch in publisher.batches] == [
        [DEAD_LETTER_TOPIC, "audit-events"]
    ]


def test_should_republish_the_message_to_the_dead_letter_topic(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert publisher.published[0].topic == DEAD_LETTER_TOPIC


def test_should_republish_the_data_unchanged(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert publisher.published[0].data == ORIGINAL_DATA


def test_should_keep_the_original_attributes_and_add_the_reason_and_error(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert publisher.published[0].attributes == {
        "schema_version": "1",
        "correlation_id": "corr-1",
        "traceparent": "00-a-b-01",
        "dead_letter_reason": "malformed_json",
        "dead_letter_error": "Expecting ',' delimiter: line 1 column 38",
    }


def test_should_replace_the_reason_a_replayed_message_carried_from_an_earlier_dead_letter(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    stale = {"dead_letter_reason": "unsupported_schema_version", "dead_letter_error": "2"}
    command = DeadLetterMessage(
        message_id="pubsub-18",
        data=ORIGINAL_DATA,
        attributes=stale,
        reason="malformed_json",
        error="Expecting value",
        correlation_id="corr-1",
    )

    sut.execute(command)

    assert publisher.published[0].attributes == {
        "dead_letter_reason": "malformed_json",
        "dead_letter_error": "Expecting value",
    }


def test_should_audit_the_dead_letter_as_a_failure_of_nobody_on_no_resource(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert audit_document(publisher.published[1]) == {
        "event_id": SequentialIdGenerator().derive("pubsub-17", "message.dead_lettered"),
        "event_type": "message.dead_lettered",
        "occurred_at": "2024-05-01T12:00:00+00:00",
        "correlation_id": "corr-1",
        "actor": None,
        "resource": {"dataset": None, "import_id": None},
        "outcome": "failure",
        "details": {"message_id": "pubsub-17", "reason": "malformed_json"},
    }


def test_should_send_the_audit_to_the_audit_topic(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert publisher.published[1].topic == "audit-events"


def test_should_give_the_audit_its_event_type_correlation_id_and_trace_as_attributes(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert dict(publisher.published[1].attributes) == {
        "event_type": "message.dead_lettered",
        "correlation_id": "corr-1",
        "traceparent": TRACEPARENT,
    }


def test_should_never_put_the_message_content_in_the_audit(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    assert b"imp-1" not in publisher.published[1].data


def test_should_repeat_the_audit_event_id_when_the_same_message_is_dead_lettered_again(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(COMMAND)

    sut.execute(COMMAND)

    assert audit_document(publisher.published[3])["event_id"] == (
        audit_document(publisher.published[1])["event_id"]
    )


@pytest.mark.parametrize(
    "publisher", [FakeMessagePublisher(available_batches=0)], ids=["pubsub-unavailable"]
)
def test_should_let_an_unavailable_publisher_propagate_so_the_message_is_retried(
    sut: DeadLetterMessageUseCase,
) -> None:
    with pytest.raises(DependencyUnavailableError):
        sut.execute(COMMAND)


def test_should_cut_a_long_error_to_the_attribute_limit_of_pub_sub(
    sut: DeadLetterMessageUseCase, publisher: FakeMessagePublisher
) -> None:
    sut.execute(replace(COMMAND, error="e" * 5000))

    assert publisher.published[0].attributes["dead_letter_error"] == "e" * 1024
