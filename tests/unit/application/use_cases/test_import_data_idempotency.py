from dataclasses import replace
from datetime import timedelta

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import InvalidEncodingError, SourceNotFoundError
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from application.events.result_event_codec import encode_result_event
from tests.fakes.fake_record_source import FakeRecordSource
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    DATASET,
    HEADER,
    IMPORT_ID,
    REQUEST_ID,
    STARTED_AT,
    VALID_ROWS,
    ImportDataFactory,
    derived,
    documents,
    outbox_messages,
    record_result,
    recorded_result,
    stored_count,
)

EARLIER = STARTED_AT - timedelta(days=1)
EARLIER_COMPLETION = ImportCompleted(
    event_id="11111111-1111-4111-8111-111111111111",
    import_id=IMPORT_ID,
    dataset=DATASET,
    correlation_id="corr-0",
    rows_read=3,
    rows_imported=3,
    started_at=EARLIER,
    finished_at=EARLIER,
)
EARLIER_FAILURE = ImportFailed(
    event_id="22222222-2222-4222-8222-222222222222",
    import_id=IMPORT_ID,
    dataset=DATASET,
    correlation_id="corr-0",
    error=ImportErrorDetail(code="source_not_found", message="no such file"),
    started_at=EARLIER,
    finished_at=EARLIER,
)
REPUBLISHED = replace(COMMAND, request_id="msg-2", correlation_id="corr-2")


def completed_elsewhere(uow: InMemoryUnitOfWork) -> FakeRecordSource:
    competitor = InMemoryUnitOfWork(uow.store)
    return FakeRecordSource(
        header=HEADER,
        rows=VALID_ROWS,
        while_reading=lambda: record_result(competitor, EARLIER_COMPLETION),
    )


def failing_while_completed_elsewhere(uow: InMemoryUnitOfWork) -> FakeRecordSource:
    competitor = InMemoryUnitOfWork(uow.store)
    return FakeRecordSource(
        header=HEADER,
        rows=VALID_ROWS,
        row_error=InvalidEncodingError("byte 0xff in row 4"),
        while_reading=lambda: record_result(competitor, EARLIER_COMPLETION),
    )


def test_should_return_the_stored_result_of_an_already_completed_import(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, EARLIER_COMPLETION)
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    result = sut.execute(REPUBLISHED).result

    assert result == EARLIER_COMPLETION


def test_should_not_read_the_source_again_for_an_already_completed_import(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, EARLIER_COMPLETION)
    source = FakeRecordSource(header=HEADER, rows=VALID_ROWS)
    sut = make_import_data(source)

    sut.execute(REPUBLISHED)

    assert source.opens == 0


def test_should_publish_only_the_stored_result_again_for_an_already_completed_import(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, EARLIER_COMPLETION)
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(REPUBLISHED)

    assert documents(outbox_messages(uow)) == [encode_result_event(EARLIER_COMPLETION)]


def test_should_publish_the_first_result_again_with_its_event_id_when_another_request_repeats_it(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))
    first = sut.execute(COMMAND).result

    sut.execute(REPUBLISHED)

    assert [document["event_id"] for document in documents(outbox_messages(uow))[3:]] == [
        first.event_id
    ]


def test_should_return_the_same_event_id_when_the_same_import_runs_twice(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))
    first = sut.execute(COMMAND).result

    second = sut.execute(REPUBLISHED).result

    assert second.event_id == first.event_id


def test_should_store_each_row_once_when_the_same_import_runs_twice(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))
    sut.execute(COMMAND)

    sut.execute(COMMAND)

    assert stored_count(uow) == 3


def test_should_run_a_previously_failed_import_again(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, EARLIER_FAILURE)
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    result = sut.execute(COMMAND).result

    assert isinstance(result, ImportCompleted)


def test_should_replace_a_failed_result_once_the_import_completes(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, EARLIER_FAILURE)
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    result = sut.execute(COMMAND).result

    assert recorded_result(uow) == result


def test_should_fail_again_with_the_event_id_of_this_request_when_the_source_is_still_missing(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    record_result(uow, EARLIER_FAILURE)
    sut = make_import_data(FakeRecordSource(open_error=SourceNotFoundError("no such file")))

    result = sut.execute(COMMAND).result

    assert result.event_id == derived(REQUEST_ID, "ImportFailed")


def test_should_return_the_result_of_an_import_that_completed_concurrently_first(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(completed_elsewhere(uow))

    result = sut.execute(COMMAND).result

    assert result == EARLIER_COMPLETION


def test_should_publish_only_the_result_that_completed_concurrently_first(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(completed_elsewhere(uow))

    sut.execute(COMMAND)

    assert documents(outbox_messages(uow)) == [encode_result_event(EARLIER_COMPLETION)]


def test_should_keep_the_result_that_completed_concurrently_first_in_the_ledger(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(completed_elsewhere(uow))

    sut.execute(COMMAND)

    assert recorded_result(uow) == EARLIER_COMPLETION


def test_should_return_a_concurrent_completion_rather_than_this_failure(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(failing_while_completed_elsewhere(uow))

    result = sut.execute(COMMAND).result

    assert result == EARLIER_COMPLETION


def test_should_publish_only_a_concurrent_completion_rather_than_this_failure(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(failing_while_completed_elsewhere(uow))

    sut.execute(COMMAND)

    assert documents(outbox_messages(uow)) == [encode_result_event(EARLIER_COMPLETION)]
