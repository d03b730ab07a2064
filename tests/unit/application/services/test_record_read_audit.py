import json
from datetime import UTC, datetime

import pytest

from application.ports.outbound_message import OutboundMessage
from application.services.record_read_audit import RecordReadAudit
from domain.auth.user_identity import UserIdentity
from domain.model.data_record import DataRecord
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator

READ_AT = datetime(2024, 5, 1, 12, 0, 7, tzinfo=UTC)
OPERATOR = UserIdentity(subject="alice", roles=frozenset())
ADA = DataRecord(
    dataset="people", key=("ada@example.com",), values={"name": "Ada"}, import_id="imp-1"
)
FIRST_ID = "00000000-0000-4000-8000-000000000001"
SECOND_ID = "00000000-0000-4000-8000-000000000002"


@pytest.fixture
def sut() -> RecordReadAudit:
    return RecordReadAudit(
        topic="audit-events", clock=FixedClock(READ_AT), ids=SequentialIdGenerator()
    )


def test_should_audit_a_found_record_as_a_successful_read_of_its_import(
    sut: RecordReadAudit,
) -> None:
    message = sut.message(reader=OPERATOR, dataset="people", record=ADA)

    assert json.loads(message.data) == {
        "event_id": FIRST_ID,
        "event_type": "records.read",
        "occurred_at": "2024-05-01T12:00:07+00:00",
        "correlation_id": SECOND_ID,
        "actor": {"subject": "alice", "roles": []},
        "resource": {"dataset": "people", "import_id": "imp-1"},
        "outcome": "success",
        "details": {},
    }


def test_should_audit_an_absent_record_as_a_failed_read_of_no_import(
    sut: RecordReadAudit,
) -> None:
    message = sut.message(reader=OPERATOR, dataset="people", record=None)

    assert json.loads(message.data) == {
        "event_id": FIRST_ID,
        "event_type": "records.read",
        "occurred_at": "2024-05-01T12:00:07+00:00",
        "correlation_id": SECOND_ID,
        "actor": {"subject": "alice", "roles": []},
        "resource": {"dataset": "people", "import_id": None},
        "outcome": "failure",
        "details": {},
    }


def test_should_keep_the_key_and_the_values_out_of_the_audit(sut: RecordReadAudit) -> None:
    message = sut.message(reader=OPERATOR, dataset="people", record=ADA)

    assert b"ada@example.com" not in message.data


def test_should_send_the_audit_to_its_topic_with_its_attributes(sut: RecordReadAudit) -> None:
    message = sut.message(reader=OPERATOR, dataset="people", record=ADA)

    assert message == OutboundMessage(
        topic="audit-events",
        data=message.data,
        attributes={"event_type": "records.read", "correlation_id": SECOND_ID},
    )
