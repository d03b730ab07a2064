from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from application.events.audit_event import AuditEventType, AuditOutcome
from domain.enums.user_role import UserRole
from worker.messages.wire_types import DatasetName, ImportId


class ActorModel(BaseModel):
    """Who asked: the token's subject and the roles the worker knows, sorted."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="Actor")

    subject: str
    roles: list[UserRole]


class ResourceModel(BaseModel):
    """What the event is about; both are null for a message that could not be understood."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="Resource")

    dataset: DatasetName | None
    import_id: ImportId | None


class AuditEventModel(BaseModel):
    """An audit event: `actor` is null when nobody could be identified; no token, secret or row
    content ever appears in it."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="AuditEvent")

    event_id: UUID
    event_type: AuditEventType
    occurred_at: datetime
    correlation_id: str
    actor: ActorModel | None
    resource: ResourceModel
    outcome: AuditOutcome
    details: dict[str, str | int]
