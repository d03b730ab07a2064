from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.auth.user_identity import UserIdentity


class AuditEventType(StrEnum):
    IMPORT_REQUESTED = "import.requested"
    IMPORT_COMPLETED = "import.completed"
    IMPORT_FAILED = "import.failed"
    IMPORT_DENIED = "import.denied"
    MESSAGE_DEAD_LETTERED = "message.dead_lettered"
    RECORDS_READ = "records.read"


class AuditOutcome(StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"
    DENIED = "denied"


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEvent:
    event_id: str
    event_type: AuditEventType
    occurred_at: datetime
    correlation_id: str
    actor: UserIdentity | None
    dataset: str | None
    import_id: str | None
    outcome: AuditOutcome
    details: Mapping[str, str | int] = field(default_factory=dict)
