import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """What a downstream audit trail stores of an audit event."""

    event_id: str
    event_type: str
    occurred_at: datetime
    correlation_id: str
    subject: str | None
    import_id: str | None
    outcome: str
    traceparent: str | None


def read_audit_event(data: str | bytes | None, attributes: Mapping[str, object]) -> AuditEntry:
    document = json.loads(data or b"")
    return AuditEntry(
        event_id=document["event_id"],
        event_type=str(attributes["event_type"]),
        occurred_at=datetime.fromisoformat(document["occurred_at"]),
        correlation_id=str(attributes["correlation_id"]),
        subject=_subject(document["actor"]),
        import_id=document["resource"]["import_id"],
        outcome=document["outcome"],
        traceparent=_text(attributes.get("traceparent")),
    )


def _text(attribute: object) -> str | None:
    return None if attribute is None else str(attribute)


def _subject(actor: dict[str, Any] | None) -> str | None:
    return None if actor is None else str(actor["subject"])
