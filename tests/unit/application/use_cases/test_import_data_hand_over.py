from dataclasses import replace

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.outbox import PendingMessage
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.recording_hand_over import RecordingHandOver
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    HEADER,
    VALID_ROWS,
    VIEWER_TOKEN,
    ImportDataFactory,
)

RESULTS = "import-results"
AUDIT = "audit-events"
FORBIDDEN = replace(COMMAND, authorization=f"Bearer {VIEWER_TOKEN}")


def pending(uow: InMemoryUnitOfWork) -> list[PendingMessage]:
    with uow:
        return list(uow.outbox.pending(100))


def test_should_hand_over_the_events_of_a_completed_import_once_committed(
    make_import_data: ImportDataFactory, hand_over: RecordingHandOver
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert hand_over.topics() == [[RESULTS, AUDIT, AUDIT]]


def test_should_hand_over_the_messages_as_the_outbox_holds_them(
    make_import_data: ImportDataFactory, hand_over: RecordingHandOver, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert hand_over.handed_over == [pending(uow)]


def test_should_hand_over_the_events_of_a_failed_import(
    make_import_data: ImportDataFactory, hand_over: RecordingHandOver
) -> None:
    sut = make_import_data(FakeRecordSource(header=("name", "age"), rows=[("Ada", "36")]))

    sut.execute(COMMAND)

    assert hand_over.topics() == [[RESULTS, AUDIT]]


def test_should_hand_over_the_events_of_a_denied_import(
    make_import_data: ImportDataFactory, hand_over: RecordingHandOver
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(FORBIDDEN)

    assert hand_over.topics() == [[RESULTS, AUDIT]]


def test_should_hand_over_the_stored_result_of_an_import_completed_before(
    make_import_data: ImportDataFactory, hand_over: RecordingHandOver
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))
    sut.execute(COMMAND)

    sut.execute(replace(COMMAND, request_id="msg-2"))

    assert hand_over.topics()[1:] == [[RESULTS]]
