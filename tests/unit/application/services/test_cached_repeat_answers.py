from dataclasses import replace

import pytest

from application.errors import DependencyUnavailableError
from application.ports.import_attempt import ImportAttempt
from application.ports.message_publisher import MessagePublisher
from application.services.cached_completed_imports import CachedCompletedImports
from application.services.cached_repeat_answers import CachedRepeatAnswers
from application.services.outcome_messages import OutcomeMessages
from domain.events.import_completed import ImportCompleted
from domain.lifecycle.import_answer import ImportAnswer
from tests.fakes.fake_cache import FakeCache
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.fakes.recording_import_writer import RecordingImportWriter
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.services.outcome_messages_examples import (
    COMPLETED,
    REJECTED,
    STARTED_AT,
    TOPICS,
    attempt_of,
)

MESSAGES = OutcomeMessages(
    topics=TOPICS,
    clock=FixedClock(STARTED_AT),
    ids=SequentialIdGenerator(),
    trace=FakeTraceContext(),
)
REPEAT = replace(COMPLETED, event_id="00000000-0000-4000-8000-000000000009", correlation_id="c-9")


def answers(
    writer: RecordingImportWriter,
    publisher: MessagePublisher,
    *remembered: ImportCompleted,
) -> CachedRepeatAnswers:
    completed = CachedCompletedImports(cache=FakeCache(), metrics=RecordingCacheMetrics())
    completed.remember(remembered)
    return CachedRepeatAnswers(
        writer=writer, completed=completed, messages=MESSAGES, publisher=publisher
    )


def repeat_attempt() -> ImportAttempt:
    return attempt_of(REPEAT, request_id="msg-9")


def test_should_answer_a_repeat_of_a_completed_import_with_its_stored_result() -> None:
    sut = answers(RecordingImportWriter(), FakeMessagePublisher(), COMPLETED)

    answer = sut.write(repeat_attempt())

    assert answer == ImportAnswer(result=COMPLETED, repeated=True)


def test_should_publish_the_stored_result_again_at_once() -> None:
    publisher = FakeMessagePublisher()
    sut = answers(RecordingImportWriter(), publisher, COMPLETED)

    sut.write(repeat_attempt())

    assert publisher.batches == [
        MESSAGES.answer(repeat_attempt(), ImportAnswer(result=COMPLETED, repeated=True))
    ]


def test_should_not_hand_a_repeat_the_cache_answered_to_the_writer() -> None:
    writer = RecordingImportWriter()
    sut = answers(writer, FakeMessagePublisher(), COMPLETED)

    sut.write(repeat_attempt())

    assert writer.written == []


def test_should_raise_when_the_stored_result_cannot_be_published() -> None:
    sut = answers(RecordingImportWriter(), FakeMessagePublisher(available_batches=0), COMPLETED)

    with pytest.raises(DependencyUnavailableError):
        sut.write(repeat_attempt())


def test_should_hand_an_import_the_cache_does_not_know_to_the_writer() -> None:
    writer = RecordingImportWriter()
    sut = answers(writer, FakeMessagePublisher())

    answer = sut.write(repeat_attempt())

    assert answer == ImportAnswer(result=REPEAT)


def test_should_hand_a_request_that_was_not_admitted_to_the_writer() -> None:
    writer = RecordingImportWriter()
    sut = answers(writer, FakeMessagePublisher(), COMPLETED)

    answer = sut.write(replace(attempt_of(REJECTED), admitted=False))

    assert answer == ImportAnswer(result=REJECTED)
