import json
from typing import Any

from application.events.audit_event import AuditEvent
from application.events.message_attributes import bounded_attributes
from application.ports.outbound_message import OutboundMessage
from domain.auth.user_identity import UserIdentity


def audit_event_bytes(event: AuditEvent) -> bytes:
    document = {
        "event_id": event.event_id,
        "event_type": str(event.event_type),
        "occurred_at": event.occurred_at.isoformat(),
        "correlation_id": event.correlation_id,
        "actor": _actor(event.actor),
        "resource": {"dataset": event.dataset, "import_id": event.import_id},
        "outcome": str(event.outcome),
        "details": dict(event.details),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def audit_event_attributes(event: AuditEvent) -> dict[str, str]:
    return bounded_attributes(
        {"event_type": str(event.event_type), "correlation_id": event.correlation_id}
    )


def audit_message(event: AuditEvent, *, topic: str) -> OutboundMessage:
    return OutboundMessage(
        topic=topic, data=audit_event_bytes(event), attributes=audit_event_attributes(event)
    )


def _actor(identity: UserIdentity | None) -> dict[str, Any] | None:
    if identity is None:
        return None
    return {"subject": identity.subject, "roles": sorted(str(role) for role in identity.roles)}
