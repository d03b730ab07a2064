from dataclasses import replace

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.use_cases.import_data import ImportData
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_rejected import ImportRejected
from application.events.result_event_codec import encode_result_event
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.recording_import_progress import RecordingImportProgress
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    CORRELATION_ID,
    DATASET,
    HEADER,
    IMPORT_ID,
    REQUEST_ID,
    STARTED_AT,
    VALID_ROWS,
    VIEWER_TOKEN,
    ImportDataFactory,
    audit_documents,
    derived,
    documents,
    outbox_messages,
    recorded_result,
    stored_count,
    topics_of,
)

UNAUTHENTICATED = replace(COMMAND, authorization=None)
FORGED = replace(COMMAND, authorization="Bearer forged-token")
FORBIDDEN = replace(COMMAND, authorization=f"Bearer {VIEWER_TOKEN}")
DENIED = [UNAUTHENTICATED, FORGED, FORBIDDEN]
DENIED_IDS = ["missing-token", "unknown-token", "viewer"]


def rejected_with(code: str, message: str) -> ImportRejected:
    return ImportRejected(
        event_id=derived(REQUEST_ID, "ImportRejected"),
        import_id=IMPORT_ID,
        dataset=DATASET,
        correlation_id=CORRELATION_ID,
        error=ImportErrorDetail(code=code, message=message),
        started_at=STARTED_AT,
        finished_at=STARTED_AT,
    )


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (UNAUTHENTICATED, rejected_with("unauthenticated", "missing authorization attribute")),
        (FORGED, rejected_with("unauthenticated", "unknown token")),
        (FORBIDDEN, rejected_with("forbidden", "subject 'vera' has no role that may import")),
    ],
    ids=DENIED_IDS,
)
def test_should_reject_the_import_with_the_denial_code(
    make_import_data: ImportDataFactory, command: ImportData, expected: ImportRejected
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    result = sut.execute(command).result

    assert result == expected


@pytest.mark.parametrize("command", DENIED, ids=DENIED_IDS)
def test_should_not_open_the_source_of_a_denied_import(
    make_import_data: ImportDataFactory, command: ImportData
) -> None:
    source = FakeRecordSource(header=HEADER, rows=VALID_ROWS)
    sut = make_import_data(source)

    sut.execute(command)

    assert source.opens == 0


@pytest.mark.parametrize("command", DENIED, ids=DENIED_IDS)
def test_should_store_no_record_for_a_denied_import(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork, command: ImportData
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(command)

    assert stored_count(uow) == 0


@pytest.mark.parametrize("command", DENIED, ids=DENIED_IDS)
def test_should_leave_the_ledger_without_an_entry_for_a_denied_import(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork, command: ImportData
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(command)

    assert recorded_result(uow) is None


@pytest.mark.parametrize("command", DENIED, ids=DENIED_IDS)
def test_should_put_the_rejection_then_its_audit_in_the_outbox(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork, command: ImportData
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(command)

    assert topics_of(outbox_messages(uow)) == ["import-results", "audit-events"]


def test_should_put_the_returned_rejection_in_the_outbox(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    result = sut.execute(FORBIDDEN).result

    assert documents(outbox_messages(uow))[0] == encode_result_event(result)


def test_should_audit_an_unauthenticated_request_as_denied_to_nobody(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(FORGED)

    assert audit_documents(outbox_messages(uow)) == [
        {
            "event_id": derived(REQUEST_ID, "import.denied"),
            "event_type": "import.denied",
            "occurred_at": "2024-05-01T12:00:01+00:00",
            "correlation_id": CORRELATION_ID,
            "actor": None,
            "resource": {"dataset": DATASET, "import_id": IMPORT_ID},
            "outcome": "denied",
            "details": {"error_code": "unauthenticated"},
        }
    ]


def test_should_audit_a_forbidden_request_as_denied_to_the_viewer_it_identified(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(FORBIDDEN)

    assert audit_documents(outbox_messages(uow))[0]["actor"] == {
        "subject": "vera",
        "roles": ["viewer"],
    }


def test_should_never_put_the_token_in_the_messages_of_a_denied_import(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(FORBIDDEN)

    assert not any(
        VIEWER_TOKEN in repr(message.attributes) or VIEWER_TOKEN.encode() in message.data
        for message in outbox_messages(uow)
    )


def test_should_not_report_progress_for_a_denied_import(
    make_import_data: ImportDataFactory, progress: RecordingImportProgress
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(FORBIDDEN)

    assert progress.timeline == []


def test_should_reject_a_redelivered_denied_request_with_the_same_event_id(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))
    first = sut.execute(FORBIDDEN).result

    again = sut.execute(FORBIDDEN).result

    assert again.event_id == first.event_id


@pytest.mark.parametrize(
    "verifier", [FakeTokenVerifier(unavailable=True)], ids=["token-keys-unavailable"]
)
def test_should_let_unavailable_token_keys_propagate_so_the_message_is_retried(
    make_import_data: ImportDataFactory,
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    with pytest.raises(DependencyUnavailableError):
        sut.execute(COMMAND)
