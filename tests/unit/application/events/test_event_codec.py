import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from application.events.audit_event import AuditEvent, AuditEventType, AuditOutcome
from application.events.event_codec import (
    audit_event_attributes,
    audit_event_bytes,
    result_event_attributes,
    result_event_bytes,
)
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from domain.events.import_completed import ImportCompleted
from domain.events.result_event_codec import encode_result_event

MOMENT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
TRACE = {"traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
RESULT = ImportCompleted(
    event_id="00000000-0000-4000-8000-000000000001",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    rows_read=2,
    rows_imported=2,
    started_at=MOMENT,
    finished_at=MOMENT,
)
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


def test_should_write_the_result_event_as_its_contract_json() -> None:
    sut = result_event_bytes

    data = sut(RESULT)

    assert json.loads(data) == encode_result_event(RESULT)


def test_should_write_compact_utf8_json_without_escaping_non_ascii() -> None:
    sut = result_event_bytes

    data = sut(replace(RESULT, dataset="personnes_été"))

    assert b'"dataset":"personnes_\xc3\xa9t\xc3\xa9"' in data


def test_should_give_the_result_event_the_contract_attributes_and_the_trace() -> None:
    sut = result_event_attributes

    attributes = sut(RESULT, TRACE)

    assert attributes == {
        "event_type": "ImportCompleted",
        "import_id": "imp-1",
        "dataset": "people",
        "correlation_id": "corr-1",
        "schema_version": "1",
        "traceparent": TRACE["traceparent"],
    }


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

    assert (document["actor"], document["resource"], document["details"]) == (
        None,
        {"dataset": None, "import_id": None},
        {},
    )


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
