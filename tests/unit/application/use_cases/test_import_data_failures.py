import contextlib

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import (
    DependencyUnavailableError,
    ImportSourceError,
    InvalidEncodingError,
    SourceForbiddenError,
    SourceNotFoundError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from application.events.result_event_codec import encode_result_event
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.recording_import_progress import RecordingImportProgress
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    CORRELATION_ID,
    DATASET,
    FINISHED_AT,
    HEADER,
    IMPORT_ID,
    REQUEST_ID,
    STARTED_AT,
    VALID_ROWS,
    ImportDataFactory,
    audit_documents,
    derived,
    documents,
    outbox_messages,
    recorded_result,
    stored_count,
    topics_of,
)

SOURCE_ERRORS = [
    (SourceNotFoundError("no such file"), "source_not_found"),
    (SourceForbiddenError("outside the allowed roots"), "source_forbidden"),
    (SourceUnreadableError("permission denied"), "source_unreadable"),
    (InvalidEncodingError("byte 0xff at offset 12"), "invalid_encoding"),
    (SourceTooLargeError("inline source exceeds 1 MiB"), "source_too_large"),
]
SOURCE_ERROR_IDS = ["not-found", "forbidden", "unreadable", "invalid-encoding", "too-large"]
NOT_FOUND = SourceNotFoundError("no such file")
STORAGE_TIMEOUT = DependencyUnavailableError("storage timed out")


class UnavailableUnitOfWork(InMemoryUnitOfWork):
    def commit(self) -> None:
        raise DependencyUnavailableError("database unreachable")


def failed_with(code: str, message: str) -> ImportFailed:
    return ImportFailed(
        event_id=derived(REQUEST_ID, "ImportFailed"),
        import_id=IMPORT_ID,
        dataset=DATASET,
        correlation_id=CORRELATION_ID,
        error=ImportErrorDetail(code=code, message=message),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


@pytest.mark.parametrize(("error", "code"), SOURCE_ERRORS, ids=SOURCE_ERROR_IDS)
def test_should_fail_with_the_source_error_code_when_the_source_cannot_be_opened(
    make_import_data: ImportDataFactory, error: ImportSourceError, code: str
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=error))

    result = sut.execute(COMMAND).result

    assert result == failed_with(code, str(error))


@pytest.mark.parametrize(("error", "code"), SOURCE_ERRORS, ids=SOURCE_ERROR_IDS)
def test_should_record_the_failed_result_in_the_ledger(
    make_import_data: ImportDataFactory,
    uow: InMemoryUnitOfWork,
    error: ImportSourceError,
    code: str,
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=error))

    result = sut.execute(COMMAND).result

    assert recorded_result(uow) == result


def test_should_put_the_failed_result_then_its_audit_in_the_outbox(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=NOT_FOUND))

    sut.execute(COMMAND)

    assert topics_of(outbox_messages(uow)) == ["import-results", "audit-events"]


def test_should_put_the_returned_failed_result_in_the_outbox(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=NOT_FOUND))

    result = sut.execute(COMMAND).result

    assert documents(outbox_messages(uow))[0] == encode_result_event(result)


def test_should_audit_the_failure_with_its_error_code_and_the_importer_as_actor(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=NOT_FOUND))

    sut.execute(COMMAND)

    assert audit_documents(outbox_messages(uow)) == [
        {
            "event_id": derived(REQUEST_ID, "import.failed"),
            "event_type": "import.failed",
            "occurred_at": "2024-05-01T12:00:02+00:00",
            "correlation_id": CORRELATION_ID,
            "actor": {"subject": "alice", "roles": ["importer"]},
            "resource": {"dataset": DATASET, "import_id": IMPORT_ID},
            "outcome": "failure",
            "details": {"error_code": "source_not_found"},
        }
    ]


def test_should_fail_with_missing_columns_when_the_header_lacks_a_needed_column(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(header=("name", "age"), rows=[("Ada", "36")]))

    result = sut.execute(COMMAND).result

    assert result == failed_with("missing_columns", "the header lacks the column(s): id")


def test_should_store_nothing_when_the_header_lacks_a_needed_column(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=("name", "age"), rows=[("Ada", "36")]))

    sut.execute(COMMAND)

    assert stored_count(uow) == 0


def test_should_fail_with_invalid_encoding_when_the_source_breaks_after_some_rows(
    make_import_data: ImportDataFactory,
) -> None:
    error = InvalidEncodingError("byte 0xff in row 4")
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS, row_error=error))

    result = sut.execute(COMMAND).result

    assert result == failed_with("invalid_encoding", "byte 0xff in row 4")


def test_should_store_none_of_the_rows_read_before_the_source_broke(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    error = InvalidEncodingError("byte 0xff in row 4")
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS, row_error=error))

    sut.execute(COMMAND)

    assert stored_count(uow) == 0


def test_should_finish_progress_when_the_import_fails(
    make_import_data: ImportDataFactory, progress: RecordingImportProgress
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=NOT_FOUND))

    sut.execute(COMMAND)

    assert progress.finishes == 1


def test_should_fail_with_the_same_event_id_when_the_same_request_is_delivered_again(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=NOT_FOUND))
    first = sut.execute(COMMAND).result

    again = sut.execute(COMMAND).result

    assert again.event_id == first.event_id


@pytest.mark.parametrize("uow", [UnavailableUnitOfWork()], ids=["database-down"])
def test_should_let_an_unavailable_database_propagate_so_the_message_is_retried(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    with pytest.raises(DependencyUnavailableError, match="^database unreachable$"):
        sut.execute(COMMAND)


def test_should_let_a_source_timeout_propagate_so_the_message_is_retried(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(
        FakeRecordSource(header=HEADER, rows=VALID_ROWS, row_error=STORAGE_TIMEOUT)
    )

    with pytest.raises(DependencyUnavailableError, match="^storage timed out$"):
        sut.execute(COMMAND)


def test_should_record_no_result_when_a_dependency_is_unavailable(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(
        FakeRecordSource(header=HEADER, rows=VALID_ROWS, row_error=STORAGE_TIMEOUT)
    )

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(COMMAND)

    assert recorded_result(uow) is None


def test_should_store_no_row_when_a_dependency_is_unavailable(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(
        FakeRecordSource(header=HEADER, rows=VALID_ROWS, row_error=STORAGE_TIMEOUT)
    )

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(COMMAND)

    assert stored_count(uow) == 0


def test_should_put_nothing_in_the_outbox_when_a_dependency_is_unavailable(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(
        FakeRecordSource(header=HEADER, rows=VALID_ROWS, row_error=STORAGE_TIMEOUT)
    )

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(COMMAND)

    assert outbox_messages(uow) == []


def test_should_finish_progress_when_a_dependency_is_unavailable(
    make_import_data: ImportDataFactory, progress: RecordingImportProgress
) -> None:
    sut = make_import_data(FakeRecordSource(open_error=STORAGE_TIMEOUT))

    with contextlib.suppress(DependencyUnavailableError):
        sut.execute(COMMAND)

    assert progress.finishes == 1


def test_should_fail_as_unstorable_an_import_whose_header_names_a_column_with_nul(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(header=("id", "na\x00me", "age"), rows=VALID_ROWS))

    result = sut.execute(COMMAND).result

    assert result == failed_with(
        "unstorable_row", "the name of column 2 of the header holds a NUL character"
    )
