from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from application.errors import (
    ApplicationError,
    ForbiddenError,
    SourceNotFoundError,
    UnauthenticatedError,
)
from application.ports.import_attempt import ImportAttempt
from application.services.import_attempts import ImportAttempts
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from domain.events.import_completed import ImportCompleted
from domain.errors import DomainError
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.model.data_record import DataRecord
from domain.model.import_tally import ImportTally
from domain.model.row_rejection import RowRejection
from domain.service.missing_columns_error import MissingColumnsError
from tests.fakes.fake_trace_context import TRACEPARENT, FakeTraceContext
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
ALICE = UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))
VERA = UserIdentity(subject="vera", roles=frozenset({UserRole.VIEWER}))


RECORD = DataRecord(dataset="people", key=("1",), values={"id": "1"}, import_id="imp-1")


def counting(counted: ImportTally) -> Iterator[DataRecord]:
    counted.count_read()
    yield RECORD


def derived(*parts: str) -> str:
    return SequentialIdGenerator().derive(*parts)


def tally() -> ImportTally:
    counted = ImportTally()
    for _ in range(3):
        counted.count_read()
    counted.count_rejected(REJECTION)
    return counted


@pytest.fixture
def sut() -> ImportAttempts:
    return ImportAttempts(
        clock=FixedClock(FINISHED_AT), ids=SequentialIdGenerator(), trace=FakeTraceContext()
    )


def completed(sut: ImportAttempts, request: Request, counted: ImportTally) -> ImportFinished:
    return sut.read(request, ALICE, (), counted, started_at=STARTED_AT).outcome()


def failed(sut: ImportAttempts, error: ApplicationError | DomainError) -> ImportFinished:
    return sut.failed(REQUEST, ALICE, error, started_at=STARTED_AT).outcome()


def test_should_tell_the_time_of_its_clock(sut: ImportAttempts) -> None:
    moment = sut.now()

    assert moment == FINISHED_AT


def test_should_build_a_completed_result_with_the_counts_and_rejections_of_the_tally(
    sut: ImportAttempts,
) -> None:
    result = completed(sut, REQUEST, tally())

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
    sut: ImportAttempts,
) -> None:
    result = failed(sut, SourceNotFoundError("no such file"))

    assert result == ImportFailed(
        event_id=derived("msg-1", "ImportFailed"),
        import_id="imp-1",
        dataset="people",
        correlation_id="corr-1",
        error=ImportErrorDetail(code="source_not_found", message="no such file"),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


def test_should_fail_with_the_code_of_a_domain_error(sut: ImportAttempts) -> None:
    result = failed(sut, MissingColumnsError(("id",)))

    assert result == ImportFailed(
        event_id=derived("msg-1", "ImportFailed"),
        import_id="imp-1",
        dataset="people",
        correlation_id="corr-1",
        error=ImportErrorDetail(
            code="missing_columns", message="the header lacks the column(s): id"
        ),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


def test_should_build_a_rejected_result_that_starts_and_finishes_at_once(
    sut: ImportAttempts,
) -> None:
    result = sut.denied(REQUEST, UnauthenticatedError("missing authorization attribute")).outcome()

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
    sut: ImportAttempts,
) -> None:
    first = completed(sut, REQUEST, tally())

    again = completed(sut, Request(), ImportTally())

    assert again.event_id == first.event_id


def test_should_give_another_request_for_the_same_import_another_event_id(
    sut: ImportAttempts,
) -> None:
    first = completed(sut, REQUEST, tally())

    other = completed(sut, Request(request_id="msg-2"), tally())

    assert other.event_id != first.event_id


def test_should_give_each_outcome_of_one_request_its_own_event_id(sut: ImportAttempts) -> None:
    failure = failed(sut, SourceNotFoundError("no such file"))

    completion = completed(sut, REQUEST, tally())

    assert completion.event_id != failure.event_id


def test_should_carry_the_trace_the_request_arrived_in(sut: ImportAttempts) -> None:
    attempt = sut.read(REQUEST, ALICE, (), tally(), started_at=STARTED_AT)

    assert attempt.trace == {"traceparent": TRACEPARENT}


def test_should_name_the_identity_a_forbidden_request_carried_as_its_actor(
    sut: ImportAttempts,
) -> None:
    attempt = sut.denied(REQUEST, ForbiddenError("no role may import", identity=VERA))

    assert attempt.actor == VERA


def test_should_read_no_record_for_a_denied_request(sut: ImportAttempts) -> None:
    attempt = sut.denied(REQUEST, UnauthenticatedError("missing authorization attribute"))

    assert list(attempt.records) == []


def test_should_not_admit_a_denied_request(sut: ImportAttempts) -> None:
    attempt = sut.denied(REQUEST, UnauthenticatedError("missing authorization attribute"))

    assert attempt.admitted is False


@pytest.mark.parametrize(
    "attempt_of",
    [
        lambda sut: sut.read(REQUEST, ALICE, (), tally(), started_at=STARTED_AT),
        lambda sut: sut.failed(
            REQUEST, ALICE, SourceNotFoundError("no such file"), started_at=STARTED_AT
        ),
    ],
    ids=["read", "failed"],
)
def test_should_admit_a_request_that_was_authorised(
    sut: ImportAttempts, attempt_of: Callable[[ImportAttempts], ImportAttempt]
) -> None:
    attempt = attempt_of(sut)

    assert attempt.admitted is True


def test_should_hold_the_records_of_an_attempt_in_hand(sut: ImportAttempts) -> None:
    counted = ImportTally()
    attempt = sut.read(REQUEST, ALICE, counting(counted), counted, started_at=STARTED_AT)

    in_hand = attempt.in_hand()

    assert in_hand.records == (RECORD,)


def test_should_settle_the_result_of_an_attempt_in_hand_once_its_records_are_read(
    sut: ImportAttempts,
) -> None:
    counted = ImportTally()
    attempt = sut.read(REQUEST, ALICE, counting(counted), counted, started_at=STARTED_AT)

    in_hand = attempt.in_hand()

    assert in_hand.outcome() == ImportCompleted(
        event_id=derived("msg-1", "ImportCompleted"),
        import_id="imp-1",
        dataset="people",
        correlation_id="corr-1",
        rows_read=1,
        rows_imported=1,
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )
