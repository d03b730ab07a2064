import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.use_cases.import_data import ImportData
from application.events.result_event_codec import encode_result_event
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_batch_examples import (
    COMPLETING,
    DENIED,
    KEYLESS,
    UNREACHABLE,
    ImportBatchFactory,
    RivalledTransaction,
    earlier_completion,
    earlier_failure,
    import_batch_factory,
)
from tests.unit.application.use_cases.import_data_examples import (
    documents,
    outbox_messages,
    record_result,
    stored_count,
)


@pytest.fixture
def make_import_batch(
    uow: InMemoryUnitOfWork, ids: SequentialIdGenerator, verifier: FakeTokenVerifier
) -> ImportBatchFactory:
    return import_batch_factory(uow=uow, ids=ids, verifier=verifier)


def test_should_return_the_stored_result_of_an_import_completed_before_the_batch(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_completion(COMPLETING))
    sut = make_import_batch()

    results = sut.execute([COMPLETING, KEYLESS])

    assert results[0] == earlier_completion(COMPLETING)


def test_should_publish_only_the_stored_result_again_for_an_import_completed_before_the_batch(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_completion(COMPLETING))
    sut = make_import_batch()

    sut.execute([COMPLETING])

    assert documents(outbox_messages(uow)) == [encode_result_event(earlier_completion(COMPLETING))]


def test_should_store_no_record_for_an_import_completed_before_the_batch(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_completion(COMPLETING))
    sut = make_import_batch()

    sut.execute([COMPLETING])

    assert stored_count(uow) == 0


def test_should_keep_the_stored_result_of_an_import_completed_before_the_batch_in_the_ledger(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_completion(COMPLETING))
    sut = make_import_batch()

    sut.execute([COMPLETING])

    assert uow.store.imports == {COMPLETING.import_id: earlier_completion(COMPLETING)}


def test_should_return_the_stored_completion_rather_than_a_new_failure_of_the_same_import(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_completion(KEYLESS))
    sut = make_import_batch()

    results = sut.execute([KEYLESS])

    assert results == [earlier_completion(KEYLESS)]


def test_should_reject_a_denied_import_even_when_its_import_completed_before_the_batch(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_completion(DENIED))
    sut = make_import_batch()

    [result] = sut.execute([DENIED])

    assert result.event_type == "ImportRejected"


def test_should_run_an_import_that_failed_before_the_batch_again(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, earlier_failure(COMPLETING))
    sut = make_import_batch()

    [result] = sut.execute([COMPLETING])

    assert uow.store.imports == {COMPLETING.import_id: result}


@pytest.mark.parametrize("command", [COMPLETING, KEYLESS], ids=["completing", "failing"])
def test_should_return_the_result_of_an_import_completed_concurrently_first(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork, command: ImportData
) -> None:
    rival = earlier_completion(command)
    sut = make_import_batch(unit_of_work=RivalledTransaction(uow.store, rival=rival))

    results = sut.execute([command, UNREACHABLE])

    assert results[0] == rival


@pytest.mark.parametrize("command", [COMPLETING, KEYLESS], ids=["completing", "failing"])
def test_should_publish_only_the_result_of_an_import_completed_concurrently_first(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork, command: ImportData
) -> None:
    rival = earlier_completion(command)
    sut = make_import_batch(unit_of_work=RivalledTransaction(uow.store, rival=rival))

    sut.execute([command])

    assert documents(outbox_messages(uow)) == [encode_result_event(rival)]


def test_should_keep_the_result_of_an_import_completed_concurrently_first_in_the_ledger(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    rival = earlier_completion(COMPLETING)
    sut = make_import_batch(unit_of_work=RivalledTransaction(uow.store, rival=rival))

    sut.execute([COMPLETING])

    assert uow.store.imports == {COMPLETING.import_id: rival}


def test_should_store_no_record_for_an_import_completed_concurrently_first(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    rival = earlier_completion(COMPLETING)
    sut = make_import_batch(unit_of_work=RivalledTransaction(uow.store, rival=rival))

    sut.execute([COMPLETING])

    assert stored_count(uow) == 0
