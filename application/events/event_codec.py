import json
from collections.abc import Mapping
from typing import Any

from application.events.audit_event import AuditEvent
from domain.auth.user_identity import UserIdentity
from domain.events.import_finished import ImportFinished
from domain.events.result_event_codec import encode_result_event

SCHEMA_VERSION = "1"


def result_event_bytes(event: ImportFinished) -> bytes:
    return _json_bytes(encode_result_event(event))


def result_event_attributes(event: ImportFinished, trace: Mapping[str, str]) -> dict[str, str]:
    return {
        "event_type": event.event_type,
        "import_id": event.import_id,
        "dataset": event.dataset,
        "correlation_id": event.correlation_id,
        "schema_version": SCHEMA_VERSION,
        **trace,
    }


def audit_event_bytes(event: AuditEvent) -> bytes:
    return _json_bytes(
        {
            "event_id": event.event_id,
            "event_type": str(event.event_type),
            "occurred_at": event.occurred_at.isoformat(),
            "correlation_id": event.correlation_id,
            "actor": _actor(event.actor),
            "resource": {"dataset": event.dataset, "import_id": event.import_id},
            "outcome": str(event.outcome),
            "details": dict(event.details),
        }
    )


def audit_event_attributes(event: AuditEvent) -> dict[str, str]:
    return {"event_type": str(event.event_type), "correlation_id": event.correlation_id}


def _actor(identity: UserIdentity | None) -> dict[str, Any] | None:
    if identity is None:
        return None
    return {"subject": identity.subject, "roles": sorted(str(role) for role in identity.roles)}


def _json_bytes(document: Mapping[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
