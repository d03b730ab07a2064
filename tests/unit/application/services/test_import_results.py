from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from application.errors import SourceNotFoundError, UnauthenticatedError
from application.services.import_results import ImportResults
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_rejected import ImportRejected
from domain.model.import_tally import ImportTally
from domain.model.row_rejection import RowRejection
from domain.service.missing_columns_error import MissingColumnsError
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator

STARTED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
FINISHED_AT = STARTED_AT + timedelta(seconds=5)
REJECTION = RowRejection(row=2, column="age", reason="not an integer")


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    request_id: str = "msg-1"
    import_id: str = "imp-1"
    dataset: str = "people"
    correlation_id: str = "corr-1"


REQUEST = Request()


def derived(*parts: str) -> str:
    return SequentialIdGenerator().derive(*parts)


def tally() -> ImportTally:
    counted = ImportTally()
    for _ in range(3):
        counted.count_read()
    counted.count_rejected(REJECTION)
    return counted


@pytest.fixture
def sut() -> ImportResults:
    return ImportResults(clock=FixedClock(FINISHED_AT), ids=SequentialIdGenerator())


def test_should_tell_the_time_of_its_clock(sut: ImportResults) -> None:
    moment = sut.now()

    assert moment == FINISHED_AT


def test_should_build_a_completed_result_with_the_counts_and_rejections_of_the_tally(
    sut: ImportResults,
) -> None:
    result = sut.completed(REQUEST, tally(), started_at=STARTED_AT)

    assert result == ImportCompleted(
        event_id=derived("msg-1", "ImportCompleted"),
        import_id="imp-1",
        dataset="people",
        correlation_id="corr-1",
        rows_read=3,
        rows_imported=2,
        rows_rejected=1,
        rejections=(REJECTION,),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


def test_should_build_a_failed_result_carrying_the_error_code_and_message(
    sut: ImportResults,
) -> None:
    result = sut.failed(REQUEST, SourceNotFoundError("no such file"), started_at=STARTED_AT)

    assert result == ImportFailed(
        event_id=derived("msg-1", "ImportFailed"),
        import_id="imp-1",
        dataset="people",
        correlation_id="corr-1",
        error=ImportErrorDetail(code="source_not_found", message="no such file"),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


def test_should_fail_with_the_code_of_a_domain_error(sut: ImportResults) -> None:
    result = sut.failed(REQUEST, MissingColumnsError(("id",)), started_at=STARTED_AT)

    assert result.error == ImportErrorDetail(
        code="missing_columns", message="the header lacks the column(s): id"
    )


def test_should_build_a_rejected_result_that_starts_and_finishes_at_once(
    sut: ImportResults,
) -> None:
    result = sut.rejected(REQUEST, UnauthenticatedError("missing authorization attribute"))

    assert result == ImportRejected(
        event_id=derived("msg-1", "ImportRejected"),
        import_id="imp-1",
        dataset="people",
        correlation_id="corr-1",
        error=ImportErrorDetail(code="unauthenticated", message="missing authorization attribute"),
        started_at=FINISHED_AT,
        finished_at=FINISHED_AT,
    )


def test_should_repeat_the_event_id_when_the_same_request_is_delivered_again(
    sut: ImportResults,
) -> None:
    first = sut.completed(REQUEST, tally(), started_at=STARTED_AT)

    again = sut.completed(Request(), ImportTally(), started_at=FINISHED_AT)

    assert again.event_id == first.event_id


def test_should_give_another_request_for_the_same_import_another_event_id(
    sut: ImportResults,
) -> None:
    first = sut.completed(REQUEST, tally(), started_at=STARTED_AT)

    other = sut.completed(Request(request_id="msg-2"), tally(), started_at=STARTED_AT)

    assert other.event_id != first.event_id


def test_should_give_each_outcome_of_one_request_its_own_event_id(sut: ImportResults) -> None:
    failed = sut.failed(REQUEST, SourceNotFoundError("no such file"), started_at=STARTED_AT)

    completed = sut.completed(REQUEST, tally(), started_at=STARTED_AT)

    assert completed.event_id != failed.event_id
