import contextlib
import threading

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import ImportCancelledError
from domain.events.import_completed import ImportCompleted
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.recording_import_progress import RecordingImportProgress
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    HEADER,
    ImportDataFactory,
    numbered_rows,
    outbox_messages,
    recorded_result,
    stored_count,
)

MANY_ROWS = numbered_rows(10_001)


def cancelled(make_import_data: ImportDataFactory, stopping: threading.Event) -> None:
    stopping.set()
    with contextlib.suppress(ImportCancelledError):
        make_import_data(FakeRecordSource(header=HEADER, rows=MANY_ROWS)).execute(COMMAND)


def test_should_cancel_the_import_at_the_next_checkpoint_once_the_worker_is_stopping(
    make_import_data: ImportDataFactory, stopping: threading.Event
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=MANY_ROWS))
    stopping.set()

    with pytest.raises(ImportCancelledError, match="^the worker is stopping$"):
        sut.execute(COMMAND)


def test_should_store_no_row_of_a_cancelled_import(
    make_import_data: ImportDataFactory, stopping: threading.Event, uow: InMemoryUnitOfWork
) -> None:
    cancelled(make_import_data, stopping)

    count = stored_count(uow)

    assert count == 0


def test_should_record_no_result_of_a_cancelled_import(
    make_import_data: ImportDataFactory, stopping: threading.Event, uow: InMemoryUnitOfWork
) -> None:
    cancelled(make_import_data, stopping)

    result = recorded_result(uow)

    assert result is None


def test_should_put_nothing_in_the_outbox_for_a_cancelled_import(
    make_import_data: ImportDataFactory, stopping: threading.Event, uow: InMemoryUnitOfWork
) -> None:
    cancelled(make_import_data, stopping)

    messages = outbox_messages(uow)

    assert messages == []


def test_should_finish_progress_of_a_cancelled_import_without_reporting_the_checkpoint(
    make_import_data: ImportDataFactory,
    stopping: threading.Event,
    progress: RecordingImportProgress,
) -> None:
    cancelled(make_import_data, stopping)

    reported = progress.timeline

    assert reported == [("finish", 10_000)]


def test_should_complete_an_import_that_ends_before_its_first_checkpoint_while_stopping(
    make_import_data: ImportDataFactory, stopping: threading.Event
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=numbered_rows(9_999)))
    stopping.set()

    result = sut.execute(COMMAND).result

    assert isinstance(result, ImportCompleted)
