from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.events.result_event_codec import encode_result_event
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.fake_trace_context import TRACEPARENT
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    CORRELATION_ID,
    DATASET,
    HEADER,
    IMPORT_ID,
    IMPORTER_TOKEN,
    REQUEST_ID,
    VALID_ROWS,
    ImportDataFactory,
    audit_documents,
    derived,
    documents,
    outbox_messages,
    topics_of,
)

MIXED_ROWS = (("1", "Ada", "36"), ("x", "Bob", "40"))
ALICE_ACTOR = {"subject": "alice", "roles": ["importer"]}


def test_should_put_the_result_then_two_audit_events_in_the_outbox(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert topics_of(outbox_messages(uow)) == ["import-results", "audit-events", "audit-events"]


def test_should_put_the_returned_result_in_the_outbox_as_its_contract_json(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=MIXED_ROWS))

    result = sut.execute(COMMAND).result

    assert documents(outbox_messages(uow))[0] == encode_result_event(result)


def test_should_give_the_result_message_the_contract_attributes_and_the_trace(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert outbox_messages(uow)[0].attributes == {
        "event_type": "ImportCompleted",
        "import_id": IMPORT_ID,
        "dataset": DATASET,
        "correlation_id": CORRELATION_ID,
        "schema_version": "1",
        "traceparent": TRACEPARENT,
    }


def test_should_give_each_audit_message_its_event_type_correlation_id_and_trace(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert [dict(message.attributes) for message in outbox_messages(uow)[1:]] == [
        {
            "event_type": "import.requested",
            "correlation_id": CORRELATION_ID,
            "traceparent": TRACEPARENT,
        },
        {
            "event_type": "import.completed",
            "correlation_id": CORRELATION_ID,
            "traceparent": TRACEPARENT,
        },
    ]


def test_should_audit_the_request_and_the_completion_as_contract_section_5_shows(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=MIXED_ROWS))

    sut.execute(COMMAND)

    assert audit_documents(outbox_messages(uow)) == [
        {
            "event_id": derived(REQUEST_ID, "import.requested"),
            "event_type": "import.requested",
            "occurred_at": "2024-05-01T12:00:02+00:00",
            "correlation_id": CORRELATION_ID,
            "actor": ALICE_ACTOR,
            "resource": {"dataset": DATASET, "import_id": IMPORT_ID},
            "outcome": "success",
            "details": {},
        },
        {
            "event_id": derived(REQUEST_ID, "import.completed"),
            "event_type": "import.completed",
            "occurred_at": "2024-05-01T12:00:03+00:00",
            "correlation_id": CORRELATION_ID,
            "actor": ALICE_ACTOR,
            "resource": {"dataset": DATASET, "import_id": IMPORT_ID},
            "outcome": "success",
            "details": {"rows_read": 2, "rows_imported": 1, "rows_rejected": 1},
        },
    ]


def test_should_never_put_the_token_in_any_outbox_message(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert not any(
        IMPORTER_TOKEN in repr(message.attributes) or IMPORTER_TOKEN.encode() in message.data
        for message in outbox_messages(uow)
    )


def test_should_never_put_row_content_in_an_audit_message(
    make_import_data: ImportDataFactory, uow: InMemoryUnitOfWork
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))

    sut.execute(COMMAND)

    assert not any(b"Ada" in message.data for message in outbox_messages(uow)[1:])
