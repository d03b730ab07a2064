import json

import pytest

from application.events.result_event_codec import encode_result_event
from application.ports.outbound_message import OutboundMessage
from application.services.outcome_messages import OutcomeMessages
from domain.events.import_finished import ImportFinished
from domain.lifecycle.import_answer import ImportAnswer
from tests.fakes.fake_trace_context import TRACEPARENT, FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.services.outcome_messages_examples import (
    AUDITED_AT,
    COMPLETED,
    FAILED,
    REJECTED,
    TOPICS,
    VERA,
    attempt_of,
    audit_documents,
    audit_event_ids,
    audit_event_types,
    derived,
)

OUTCOMES = [COMPLETED, FAILED, REJECTED]
OUTCOME_IDS = ["completed", "failed", "denied"]
ALICE_ACTOR = {"subject": "alice", "roles": ["importer", "viewer"]}
OTHER_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


@pytest.fixture
def sut() -> OutcomeMessages:
    return OutcomeMessages(
        topics=TOPICS,
        clock=FixedClock(AUDITED_AT),
        ids=SequentialIdGenerator(),
        trace=FakeTraceContext(),
    )


def first_answer(
    sut: OutcomeMessages, result: ImportFinished, *, request_id: str = "msg-1"
) -> list[OutboundMessage]:
    return sut.answer(attempt_of(result, request_id=request_id), ImportAnswer(result=result))


@pytest.mark.parametrize("result", OUTCOMES, ids=OUTCOME_IDS)
def test_should_lead_with_the_result_event_on_the_results_topic(
    sut: OutcomeMessages, result: ImportFinished
) -> None:
    sent = first_answer(sut, result)

    assert sent[0].topic == "import-results"


@pytest.mark.parametrize("result", OUTCOMES, ids=OUTCOME_IDS)
def test_should_carry_the_result_event_as_its_contract_json(
    sut: OutcomeMessages, result: ImportFinished
) -> None:
    sent = first_answer(sut, result)

    assert json.loads(sent[0].data) == encode_result_event(result)


def test_should_give_the_result_event_its_attributes_and_the_trace_of_the_attempt(
    sut: OutcomeMessages,
) -> None:
    sent = first_answer(sut, COMPLETED)

    assert sent[0].attributes == {
        "event_type": "ImportCompleted",
        "import_id": "imp-1",
        "dataset": "people",
        "correlation_id": "corr-1",
        "schema_version": "1",
        "traceparent": TRACEPARENT,
    }


def test_should_take_the_traceparent_from_the_attempt_it_answers(sut: OutcomeMessages) -> None:
    attempt = attempt_of(COMPLETED, traceparent=OTHER_TRACEPARENT)

    sent = sut.answer(attempt, ImportAnswer(result=COMPLETED))

    assert sent[0].attributes["traceparent"] == OTHER_TRACEPARENT


@pytest.mark.parametrize(
    ("result", "types"),
    [
        (COMPLETED, ["import.requested", "import.completed"]),
        (FAILED, ["import.failed"]),
        (REJECTED, ["import.denied"]),
    ],
    ids=OUTCOME_IDS,
)
def test_should_follow_the_result_with_the_audit_events_of_its_outcome(
    sut: OutcomeMessages, result: ImportFinished, types: list[str]
) -> None:
    sent = first_answer(sut, result)

    assert audit_event_types(sent) == types


def test_should_audit_the_request_of_a_completed_import_without_details(
    sut: OutcomeMessages,
) -> None:
    sent = first_answer(sut, COMPLETED)

    assert audit_documents(sent)[0] == {
        "event_id": derived("msg-1", "import.requested"),
        "event_type": "import.requested",
        "occurred_at": "2024-05-01T12:00:07+00:00",
        "correlation_id": "corr-1",
        "actor": ALICE_ACTOR,
        "resource": {"dataset": "people", "import_id": "imp-1"},
        "outcome": "success",
        "details": {},
    }


def test_should_audit_the_completion_with_the_row_counts(sut: OutcomeMessages) -> None:
    sent = first_answer(sut, COMPLETED)

    assert audit_documents(sent)[1] == {
        "event_id": derived("msg-1", "import.completed"),
        "event_type": "import.completed",
        "occurred_at": "2024-05-01T12:00:07+00:00",
        "correlation_id": "corr-1",
        "actor": ALICE_ACTOR,
        "resource": {"dataset": "people", "import_id": "imp-1"},
        "outcome": "success",
        "details": {"rows_read": 3, "rows_imported": 2, "rows_rejected": 1},
    }


def test_should_audit_a_failed_import_as_a_failure_with_its_error_code(
    sut: OutcomeMessages,
) -> None:
    sent = first_answer(sut, FAILED)

    assert audit_documents(sent) == [
        {
            "event_id": derived("msg-1", "import.failed"),
            "event_type": "import.failed",
            "occurred_at": "2024-05-01T12:00:07+00:00",
            "correlation_id": "corr-1",
            "actor": ALICE_ACTOR,
            "resource": {"dataset": "people", "import_id": "imp-1"},
            "outcome": "failure",
            "details": {"error_code": "source_not_found"},
        }
    ]


def test_should_audit_a_request_from_nobody_known_as_denied_with_a_null_actor(
    sut: OutcomeMessages,
) -> None:
    sent = sut.answer(attempt_of(REJECTED, actor=None), ImportAnswer(result=REJECTED))

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


def test_should_name_the_identified_actor_of_a_forbidden_request(sut: OutcomeMessages) -> None:
    sent = sut.answer(attempt_of(REJECTED, actor=VERA), ImportAnswer(result=REJECTED))

    assert audit_documents(sent)[0]["actor"] == {"subject": "vera", "roles": ["viewer"]}


def test_should_answer_a_repeat_with_the_stored_result_alone(sut: OutcomeMessages) -> None:
    sent = sut.answer(attempt_of(FAILED), ImportAnswer(result=COMPLETED, repeated=True))

    assert [json.loads(message.data) for message in sent] == [encode_result_event(COMPLETED)]


@pytest.mark.parametrize("result", OUTCOMES, ids=OUTCOME_IDS)
def test_should_repeat_the_audit_event_ids_when_the_same_request_is_delivered_again(
    sut: OutcomeMessages, result: ImportFinished
) -> None:
    first = first_answer(sut, result)

    again = first_answer(sut, result)

    assert audit_event_ids(again) == audit_event_ids(first)


def test_should_give_the_audit_of_another_request_other_event_ids(sut: OutcomeMessages) -> None:
    first = first_answer(sut, COMPLETED)

    other = first_answer(sut, COMPLETED, request_id="msg-2")

    assert set(audit_event_ids(other)).isdisjoint(audit_event_ids(first))


def test_should_audit_a_dead_letter_as_a_failure_of_nobody_on_no_resource(
    sut: OutcomeMessages,
) -> None:
    message = sut.dead_lettered(message_id="pubsub-17", correlation_id="corr-1", reason="bad")

    assert json.loads(message.data) == {
        "event_id": derived("pubsub-17", "message.dead_lettered"),
        "event_type": "message.dead_lettered",
        "occurred_at": "2024-05-01T12:00:07+00:00",
        "correlation_id": "corr-1",
        "actor": None,
        "resource": {"dataset": None, "import_id": None},
        "outcome": "failure",
        "details": {"message_id": "pubsub-17", "reason": "bad"},
    }


def test_should_send_a_dead_letter_audit_to_the_audit_topic_with_its_attributes(
    sut: OutcomeMessages,
) -> None:
    message = sut.dead_lettered(message_id="pubsub-17", correlation_id="corr-1", reason="bad")

    assert message == OutboundMessage(
        topic="audit-events",
        data=message.data,
        attributes={
            "event_type": "message.dead_lettered",
            "correlation_id": "corr-1",
            "traceparent": TRACEPARENT,
        },
    )
