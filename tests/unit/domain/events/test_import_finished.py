from dataclasses import MISSING, fields
from datetime import UTC, datetime

import pytest

from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
ERROR = ImportErrorDetail(code="source_not_found", message="no such file")
COMPLETED = ImportCompleted(
    event_id="e",
    import_id="i",
    dataset="d",
    correlation_id="c",
    started_at=MOMENT,
    finished_at=MOMENT,
)
FAILED = ImportFailed(
    event_id="e",
    import_id="i",
    dataset="d",
    correlation_id="c",
    error=ERROR,
    started_at=MOMENT,
    finished_at=MOMENT,
)
REJECTED = ImportRejected(
    event_id="e",
    import_id="i",
    dataset="d",
    correlation_id="c",
    error=ERROR,
    started_at=MOMENT,
    finished_at=MOMENT,
)
EVENTS = [COMPLETED, FAILED, REJECTED]
EVENT_IDS = ["completed", "failed", "rejected"]


def test_should_default_a_completion_to_no_counts_and_no_rejections() -> None:
    sut = COMPLETED

    defaults = {
        field.name: getattr(sut, field.name)
        for field in fields(sut)
        if field.default is not MISSING
    }

    assert defaults == {"rows_read": 0, "rows_imported": 0, "rows_rejected": 0, "rejections": ()}


def test_should_tell_events_of_different_types_apart_even_with_equal_fields() -> None:
    sut: ImportFinished = REJECTED

    same = sut == FAILED

    assert same is False


@pytest.mark.parametrize(
    ("event", "recorded"), list(zip(EVENTS, [True, True, False], strict=True)), ids=EVENT_IDS
)
def test_should_record_every_result_but_a_rejection_in_the_ledger(
    event: ImportFinished, recorded: bool
) -> None:
    sut = event

    kept = sut.recorded

    assert kept is recorded


@pytest.mark.parametrize(
    ("event", "expected"),
    list(zip(EVENTS, ["ImportCompleted", "ImportFailed", "ImportRejected"], strict=True)),
    ids=EVENT_IDS,
)
def test_should_name_its_event_type_after_its_class(event: ImportFinished, expected: str) -> None:
    sut = event

    name = sut.event_type

    assert name == expected
