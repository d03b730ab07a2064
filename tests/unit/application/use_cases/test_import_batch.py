import contextlib
from dataclasses import replace

import pytest

from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.use_cases.import_data import ImportData
from domain.events.import_completed import ImportCompleted
from domain.model.row_rejection import RowRejection
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_batch_examples import (
    COMPLETING,
    DENIED,
    KEYLESS,
    MIXED,
    UNREACHABLE,
    ImportBatchFactory,
    UnwritableOutboxTransaction,
    import_batch_factory,
    ledger,
    outcome_code,
    stored_import_ids,
)
from tests.unit.application.use_cases.import_data_examples import (
    DATASET,
    FINISHED_AT,
    HEADER,
    STARTED_AT,
    VALID_ROWS,
    derived,
    stored_count,
)

UNAUTHENTICATED = replace(COMPLETING, authorization=None)
FORGED = replace(COMPLETING, authorization="Bearer forged-token")
FORBIDDEN = replace(COMPLETING, authorization=DENIED.authorization)
DENIALS = [UNAUTHENTICATED, FORGED, FORBIDDEN]
DENIAL_IDS = ["missing-token", "unknown-token", "viewer"]
FAILURES = [UNREACHABLE, KEYLESS]
FAILURE_IDS = ["source-error", "missing-columns"]


@pytest.fixture
def make_import_batch(
    uow: InMemoryUnitOfWork, ids: SequentialIdGenerator, verifier: FakeTokenVerifier
) -> ImportBatchFactory:
    return import_batch_factory(uow=uow, ids=ids, verifier=verifier)


def test_should_complete_an_import_with_its_counts_and_an_id_derived_from_the_request(
    make_import_batch: ImportBatchFactory,
) -> None:
    sut = make_import_batch()

    results = sut.execute([COMPLETING])

    assert results == [
        ImportCompleted(
            event_id=derived(COMPLETING.request_id, "ImportCompleted"),
            import_id=COMPLETING.import_id,
            dataset=DATASET,
            correlation_id=COMPLETING.correlation_id,
            rows_read=3,
            rows_imported=2,
            rows_rejected=1,
            rejections=(RowRejection(row=2, column="age", reason="not an integer"),),
            started_at=STARTED_AT,
            finished_at=FINISHED_AT,
        )
    ]


def test_should_store_the_valid_rows_of_a_completed_import(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    sut.execute([COMPLETING])

    assert stored_count(uow) == 2


def test_should_record_a_completed_import_in_the_ledger(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    [result] = sut.execute([COMPLETING])

    assert uow.store.imports == {COMPLETING.import_id: result}


def test_should_close_the_source_it_read(make_import_batch: ImportBatchFactory) -> None:
    source = FakeRecordSource(header=HEADER, rows=VALID_ROWS)
    sut = make_import_batch(source=source)

    sut.execute([COMPLETING])

    assert source.closes == 1


def test_should_draw_no_random_id_so_that_a_redelivery_repeats_every_event_id(
    make_import_batch: ImportBatchFactory, ids: SequentialIdGenerator
) -> None:
    sut = make_import_batch()

    sut.execute(MIXED)

    assert ids.issued == []


def test_should_return_no_result_for_an_empty_batch(make_import_batch: ImportBatchFactory) -> None:
    sut = make_import_batch()

    results = sut.execute([])

    assert results == []


@pytest.mark.parametrize(
    ("command", "code"),
    [(UNAUTHENTICATED, "unauthenticated"), (FORGED, "unauthenticated"), (FORBIDDEN, "forbidden")],
    ids=DENIAL_IDS,
)
def test_should_reject_a_denied_import_with_the_denial_code(
    make_import_batch: ImportBatchFactory, command: ImportData, code: str
) -> None:
    sut = make_import_batch()

    [result] = sut.execute([command])

    assert outcome_code(result) == f"ImportRejected:{code}"


@pytest.mark.parametrize("command", DENIALS, ids=DENIAL_IDS)
def test_should_not_open_the_source_of_a_denied_import(
    make_import_batch: ImportBatchFactory, command: ImportData
) -> None:
    source = FakeRecordSource(header=HEADER, rows=VALID_ROWS)
    sut = make_import_batch(source=source)

    sut.execute([command])

    assert source.opens == 0


@pytest.mark.parametrize("command", DENIALS, ids=DENIAL_IDS)
def test_should_leave_the_ledger_without_an_entry_for_a_denied_import(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork, command: ImportData
) -> None:
    sut = make_import_batch()

    sut.execute([command])

    assert ledger(uow) == {}


@pytest.mark.parametrize(
    ("command", "code"),
    [(UNREACHABLE, "source_forbidden"), (KEYLESS, "missing_columns")],
    ids=FAILURE_IDS,
)
def test_should_fail_an_import_with_the_code_of_its_error(
    make_import_batch: ImportBatchFactory, command: ImportData, code: str
) -> None:
    sut = make_import_batch()

    [result] = sut.execute([command])

    assert outcome_code(result) == f"ImportFailed:{code}"


@pytest.mark.parametrize("command", FAILURES, ids=FAILURE_IDS)
def test_should_record_a_failed_import_in_the_ledger(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork, command: ImportData
) -> None:
    sut = make_import_batch()

    [result] = sut.execute([command])

    assert uow.store.imports == {command.import_id: result}


def test_should_return_the_results_in_the_order_of_the_commands(
    make_import_batch: ImportBatchFactory,
) -> None:
    sut = make_import_batch()

    results = sut.execute(MIXED)

    assert [(result.import_id, result.event_type) for result in results] == [
        ("imp-3", "ImportFailed"),
        ("imp-1", "ImportCompleted"),
        ("imp-2", "ImportRejected"),
        ("imp-4", "ImportFailed"),
    ]


def test_should_store_only_the_records_of_the_completed_imports_of_a_batch(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    sut.execute(MIXED)

    assert stored_import_ids(uow) == {COMPLETING.import_id}


def test_should_record_every_import_of_a_batch_but_the_denied_one_in_the_ledger(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch()

    sut.execute(MIXED)

    assert ledger(uow) == {
        "imp-3": "ImportFailed",
        "imp-1": "ImportCompleted",
        "imp-4": "ImportFailed",
    }


def test_should_let_a_failure_of_the_unit_of_work_propagate(
    make_import_batch: ImportBatchFactory,
) -> None:
    sut = make_import_batch(unit_of_work=UnwritableOutboxTransaction(InMemoryStore()))

    with pytest.raises(DependencyUnavailableError):
        sut.execute(MIXED)


def test_should_store_no_record_when_the_unit_of_work_fails_before_its_commit(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch(unit_of_work=UnwritableOutboxTransaction(uow.store))

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(MIXED)

    assert uow.store.records == {}


def test_should_record_no_result_when_the_unit_of_work_fails_before_its_commit(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch(unit_of_work=UnwritableOutboxTransaction(uow.store))

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(MIXED)

    assert uow.store.imports == {}


def test_should_put_nothing_in_the_outbox_when_the_unit_of_work_fails_before_its_commit(
    make_import_batch: ImportBatchFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_batch(unit_of_work=UnwritableOutboxTransaction(uow.store))

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(MIXED)

    assert uow.store.outbox == {}


def test_should_name_a_prepared_import_by_the_import_id_of_its_command(
    make_import_batch: ImportBatchFactory,
) -> None:
    sut = make_import_batch()

    attempt = sut.prepare(COMPLETING)

    assert attempt.import_id == COMPLETING.import_id
