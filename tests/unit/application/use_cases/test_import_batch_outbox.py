import contextlib

import pytest

from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.ports.outbox import PendingMessage
from application.events.result_event_codec import encode_result_event
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.recording_hand_over import RecordingHandOver
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_batch_examples import (
    COMPLETING,
    DENIED,
    MIXED,
    ImportBatchFactory,
    UnwritableOutboxTransaction,
    earlier_completion,
    event_types,
    import_batch_factory,
    prepared_on_arrival,
)
from tests.unit.application.use_cases.import_data_examples import (
    TOPICS,
    audit_documents,
    documents,
    outbox_messages,
    record_result,
)


@pytest.fixture
def make_import_batch(
    uow: InMemoryUnitOfWork,
    ids: SequentialIdGenerator,
    verifier: FakeTokenVerifier,
    hand_over: RecordingHandOver,
) -> ImportBatchFactory:
    return import_batch_factory(uow=uow, ids=ids, verifier=verifier, hand_over=hand_over)


def test_should_audit_a_forbidden_import_as_denied_to_the_identity_it_carried(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    sut.execute([DENIED])

    assert audit_documents(outbox_messages(uow))[0]["actor"] == {
        "subject": "vera",
        "roles": ["viewer"],
    }


def test_should_put_the_events_of_each_outcome_in_the_outbox_in_the_order_of_the_commands(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    sut.execute(MIXED)

    assert event_types(outbox_messages(uow)) == [
        "ImportFailed",
        "import.failed",
        "ImportCompleted",
        "import.requested",
        "import.completed",
        "ImportRejected",
        "import.denied",
        "ImportFailed",
        "import.failed",
    ]


def test_should_put_each_returned_result_in_the_outbox_as_its_contract_json(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    results = sut.execute(MIXED)

    assert [
        document
        for message, document in zip(outbox_messages(uow), documents(outbox_messages(uow)))
        if message.topic == TOPICS.results
    ] == [encode_result_event(result) for result in results]


def test_should_make_the_result_message_of_each_import_in_the_context_it_was_prepared_in(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()
    staged = [prepared_on_arrival(sut, command) for command in MIXED]

    sut.store(staged)

    assert [
        message.attributes["traceparent"]
        for message in outbox_messages(uow)
        if message.topic == TOPICS.results
    ] == ["corr-3", "corr-1", "corr-2", "corr-4"]


def test_should_make_a_repeated_result_message_in_the_context_it_was_prepared_in(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_completion(COMPLETING))
    sut = make_import_batch()
    staged = [prepared_on_arrival(sut, COMPLETING)]

    sut.store(staged)

    assert [message.attributes["traceparent"] for message in outbox_messages(uow)] == ["corr-1"]


def test_should_hand_over_every_message_of_the_batch_at_once_once_committed(
    make_import_batch: ImportBatchFactory, hand_over: RecordingHandOver, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    sut.execute(MIXED)

    assert hand_over.handed_over == [pending_in(uow)]


def test_should_hand_over_nothing_when_the_unit_of_work_fails(
    uow: InMemoryUnitOfWork,
    ids: SequentialIdGenerator,
    verifier: FakeTokenVerifier,
    hand_over: RecordingHandOver,
) -> None:
    sut = import_batch_factory(uow=uow, ids=ids, verifier=verifier, hand_over=hand_over)(
        unit_of_work=UnwritableOutboxTransaction(InMemoryStore())
    )

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(MIXED)

    assert hand_over.handed_over == []


def pending_in(uow: InMemoryUnitOfWork) -> list[PendingMessage]:
    with uow:
        return list(uow.outbox.pending(100))
