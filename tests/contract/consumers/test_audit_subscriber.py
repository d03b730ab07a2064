from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.contract.consumers.audit_subscriber import AuditEntry, read_audit_event
from tests.contract.consumers.audit_subscriber_pact import AUDIT_SUBSCRIBER_PACT

REQUESTED = AuditEntry(
    event_id="bd14e604-c211-5589-a1a3-f503d48f2d6e",
    event_type="import.requested",
    occurred_at=datetime(2026, 5, 4, 9, 30, 0, 500000, tzinfo=UTC),
    correlation_id="corr-7301",
    subject="ada",
    import_id="people-2026-05-04",
    outcome="success",
    traceparent="00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
)
ENTRIES = {
    "an import.requested audit event": REQUESTED,
    "an import.completed audit event": replace(REQUESTED, event_type="import.completed"),
    "an import.failed audit event": replace(
        REQUESTED, event_type="import.failed", import_id="people-2026-05-05", outcome="failure"
    ),
    "an import.denied audit event of a request without a token": replace(
        REQUESTED,
        event_type="import.denied",
        subject=None,
        import_id="people-2026-05-07",
        outcome="denied",
    ),
    "a message.dead_lettered audit event": replace(
        REQUESTED,
        event_type="message.dead_lettered",
        subject=None,
        import_id=None,
        outcome="failure",
    ),
    "a records.read audit event, which carries no trace context": replace(
        REQUESTED,
        event_type="records.read",
        correlation_id="a7c1e0d2-5f0b-4c8e-9a51-0e6f3b2d4c18",
        subject="olga",
        traceparent=None,
    ),
}


@pytest.mark.parametrize("description", list(AUDIT_SUBSCRIBER_PACT.interactions))
def test_should_read_the_audit_event_its_pact_describes(description: str) -> None:
    read: list[AuditEntry] = []

    AUDIT_SUBSCRIBER_PACT.pact(description).verify(
        lambda body, attributes: read.append(read_audit_event(body, attributes)), "Async"
    )

    assert read == [ENTRIES[description]]
