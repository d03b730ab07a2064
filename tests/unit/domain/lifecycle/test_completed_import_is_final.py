from dataclasses import replace
from datetime import UTC, datetime

import pytest

from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.lifecycle.completed_import_is_final import CompletedImportIsFinal
from domain.lifecycle.import_answer import ImportAnswer

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
EARLIER_COMPLETION = ImportCompleted(
    event_id="first",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    rows_read=3,
    rows_imported=3,
    started_at=MOMENT,
    finished_at=MOMENT,
)
EARLIER_FAILURE = ImportFailed(
    event_id="failed-first",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    error=ImportErrorDetail(code="source_not_found", message="no such file"),
    started_at=MOMENT,
    finished_at=MOMENT,
)
ATTEMPT = replace(EARLIER_COMPLETION, event_id="second", correlation_id="corr-2")


@pytest.mark.parametrize(
    ("stored", "holds"),
    [(EARLIER_COMPLETION, True), (EARLIER_FAILURE, False), (None, False)],
    ids=["completed", "failed", "nothing"],
)
def test_should_hold_only_for_an_import_that_completed(
    stored: ImportFinished | None, holds: bool
) -> None:
    sut = CompletedImportIsFinal

    held = sut.holds_for(stored)

    assert held is holds


@pytest.mark.parametrize(
    ("stored", "expected"),
    [(EARLIER_COMPLETION, EARLIER_COMPLETION), (EARLIER_FAILURE, ATTEMPT), (None, ATTEMPT)],
    ids=["completed", "failed", "nothing"],
)
def test_should_let_a_newer_attempt_stand_unless_the_import_completed(
    stored: ImportFinished | None, expected: ImportFinished
) -> None:
    sut = CompletedImportIsFinal

    standing = sut.standing(stored, ATTEMPT)

    assert standing == expected


def test_should_answer_with_the_earlier_result_as_a_repeat_when_it_stands() -> None:
    sut = CompletedImportIsFinal

    answer = sut.answer(ATTEMPT, EARLIER_COMPLETION)

    assert answer == ImportAnswer(result=EARLIER_COMPLETION, repeated=True)


def test_should_answer_with_the_attempt_itself_when_it_stands() -> None:
    sut = CompletedImportIsFinal

    answer = sut.answer(ATTEMPT, ATTEMPT)

    assert answer == ImportAnswer(result=ATTEMPT, repeated=False)


def test_should_name_the_event_type_that_stores_test_in_their_own_language() -> None:
    sut = CompletedImportIsFinal

    name = sut.final_event_type

    assert name == "ImportCompleted"
