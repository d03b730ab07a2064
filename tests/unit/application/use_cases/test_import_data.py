from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from domain.events.import_completed import ImportCompleted
from domain.model.data_record import DataRecord
from domain.model.row_rejection import RowRejection
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.recording_import_progress import RecordingImportProgress
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    CORRELATION_ID,
    DATASET,
    FINISHED_AT,
    HEADER,
    IMPORT_ID,
    REQUEST_ID,
    SOURCE,
    STARTED_AT,
    VALID_ROWS,
    ImportDataFactory,
    derived,
    numbered_rows,
    recorded_result,
    stored_count,
)

MIXED_ROWS = (("1", "Ada", "36"), ("x", "Bob", "40"), ("3", "Cy"), ("4", "Di", ""))


def test_should_complete_with_counts_rejections_clock_times_and_an_id_derived_from_the_request(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=MIXED_ROWS))

    result = sut.execute(COMMAND).result

    assert result == ImportCompleted(
        event_id=derived(REQUEST_ID, "ImportCompleted"),
        import_id=IMPORT_ID,
        dataset=DATASET,
        correlation_id=CORRELATION_ID,
        rows_read=4,
        rows_imported=2,
        rows_rejected=2,
        rejections=(
            RowRejection(row=2, column="id", reason="not an integer"),
            RowRejection(row=3, column=None, reason="expected 3 fields, found 2"),
        ),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


def test_should_store_every_valid_row(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=MIXED_ROWS))

    sut.execute(COMMAND)

    assert stored_count(uow) == 2


def test_should_store_each_row_as_a_typed_record_of_this_import(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    with uow:
        assert uow.records.get(DATASET, ("3",)) == DataRecord(
            dataset=DATASET,
            key=("3",),
            values={"id": 3, "name": "Cy", "age": None},
            import_id=IMPORT_ID,
        )


def test_should_record_the_completed_result_in_the_ledger(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    result = sut.execute(COMMAND).result

    assert recorded_result(uow) == result


def test_should_open_the_source_the_command_describes(make_import_data: ImportDataFactory) -> None:
    source = FakeRecordSource(header=HEADER, rows=VALID_ROWS)
    sut = make_import_data(source)

    sut.execute(COMMAND)

    assert source.opened == [SOURCE]


def test_should_close_the_source_after_reading_it(make_import_data: ImportDataFactory) -> None:
    source = FakeRecordSource(header=HEADER, rows=VALID_ROWS)
    sut = make_import_data(source)

    sut.execute(COMMAND)

    assert source.closes == 1


def test_should_report_progress_every_ten_thousand_rows_and_at_the_end(
    make_import_data: ImportDataFactory, progress: RecordingImportProgress
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=numbered_rows(25_000)))

    sut.execute(COMMAND)

    assert progress.timeline == [("report", 10_000), ("report", 20_000), ("finish", 25_000)]


def test_should_count_rejected_rows_towards_progress(
    make_import_data: ImportDataFactory, progress: RecordingImportProgress
) -> None:
    rows = [("not-a-number", "nobody", "") for _ in range(25_000)]
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=rows))

    sut.execute(COMMAND)

    assert progress.timeline == [("report", 10_000), ("report", 20_000), ("finish", 25_000)]


def test_should_finish_progress_once(
    make_import_data: ImportDataFactory, progress: RecordingImportProgress
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert progress.finishes == 1


def test_should_draw_no_random_id_so_that_a_redelivery_repeats_every_event_id(
    make_import_data: ImportDataFactory, ids: SequentialIdGenerator
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert ids.issued == []
