from datetime import UTC, datetime

from domain.events.import_completed import ImportCompleted
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)


def test_should_default_to_no_counts_no_rejections_and_no_error() -> None:
    sut = ImportCompleted(
        event_id="e",
        import_id="i",
        dataset="d",
        correlation_id="c",
        started_at=MOMENT,
        finished_at=MOMENT,
    )

    defaults = (sut.rows_read, sut.rows_imported, sut.rows_rejected, sut.rejections, sut.error)

    assert defaults == (0, 0, 0, (), None)


def test_should_tell_events_of_different_types_apart_even_with_equal_fields() -> None:
    sut: ImportFinished = ImportCompleted(
        event_id="e",
        import_id="i",
        dataset="d",
        correlation_id="c",
        started_at=MOMENT,
        finished_at=MOMENT,
    )
    failed: ImportFinished = ImportFailed(
        event_id="e",
        import_id="i",
        dataset="d",
        correlation_id="c",
        started_at=MOMENT,
        finished_at=MOMENT,
    )

    same = sut == failed

    assert same is False
