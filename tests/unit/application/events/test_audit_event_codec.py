import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from application.events.audit_event import AuditEvent, AuditEventType, AuditOutcome
from application.events.audit_event_codec import audit_event_attributes, audit_event_bytes
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole

MOMENT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
ACTOR = UserIdentity(subject="user-1", roles=frozenset({UserRole.VIEWER, UserRole.IMPORTER}))
AUDIT = AuditEvent(
    event_id="00000000-0000-4000-8000-000000000002",
    event_type=AuditEventType.IMPORT_COMPLETED,
    occurred_at=MOMENT,
    correlation_id="corr-1",
    actor=ACTOR,
    dataset="people",
    import_id="imp-1",
    outcome=AuditOutcome.SUCCESS,
    details={"rows_read": 2},
)
ANONYMOUS_AUDIT = AuditEvent(
    event_id="00000000-0000-4000-8000-000000000003",
    event_type=AuditEventType.MESSAGE_DEAD_LETTERED,
    occurred_at=MOMENT,
    correlation_id="corr-2",
    actor=None,
    dataset=None,
    import_id=None,
    outcome=AuditOutcome.FAILURE,
)


def test_should_write_the_audit_event_as_contract_section_5_shows() -> None:
    sut = audit_event_bytes

    data = sut(AUDIT)

    assert json.loads(data) == {
        "event_id": "00000000-0000-4000-8000-000000000002",
        "event_type": "import.completed",
        "occurred_at": "2024-05-01T12:00:00+00:00",
        "correlation_id": "corr-1",
        "actor": {"subject": "user-1", "roles": ["importer", "viewer"]},
        "resource": {"dataset": "people", "import_id": "imp-1"},
        "outcome": "success",
        "details": {"rows_read": 2},
    }


def test_should_write_a_null_actor_and_resource_when_nobody_and_nothing_is_known() -> None:
    sut = audit_event_bytes

    document = json.loads(sut(ANONYMOUS_AUDIT))

    assert document == {
        "event_id": "00000000-0000-4000-8000-000000000003",
        "event_type": "message.dead_lettered",
        "occurred_at": "2024-05-01T12:00:00+00:00",
        "correlation_id": "corr-2",
        "actor": None,
        "resource": {"dataset": None, "import_id": None},
        "outcome": "failure",
        "details": {},
    }


def test_should_give_the_audit_event_its_type_and_correlation_id_as_attributes() -> None:
    sut = audit_event_attributes

    attributes = sut(AUDIT)

    assert attributes == {"event_type": "import.completed", "correlation_id": "corr-1"}


@pytest.mark.parametrize(
    ("event_type", "expected"),
    [
        (AuditEventType.IMPORT_REQUESTED, "import.requested"),
        (AuditEventType.IMPORT_COMPLETED, "import.completed"),
        (AuditEventType.IMPORT_FAILED, "import.failed"),
        (AuditEventType.IMPORT_DENIED, "import.denied"),
        (AuditEventType.MESSAGE_DEAD_LETTERED, "message.dead_lettered"),
    ],
    ids=["requested", "completed", "failed", "denied", "dead-lettered"],
)
def test_should_name_audit_event_types_as_the_contract_does(
    event_type: AuditEventType, expected: str
) -> None:
    sut = audit_event_attributes

    attributes = sut(replace(AUDIT, event_type=event_type))

    assert attributes["event_type"] == expected
