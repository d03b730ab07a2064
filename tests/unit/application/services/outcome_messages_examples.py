import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from application.ports.import_attempt import ImportAttempt
from application.ports.outbound_message import OutboundMessage
from application.services.outcome_messages import EventTopics
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from tests.fakes.fake_trace_context import TRACEPARENT
from tests.fakes.sequential_id_generator import SequentialIdGenerator

STARTED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
AUDITED_AT = STARTED_AT + timedelta(seconds=7)
TOPICS = EventTopics(results="import-results", audit="audit-events")
ALICE = UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER, UserRole.VIEWER}))
VERA = UserIdentity(subject="vera", roles=frozenset({UserRole.VIEWER}))
COMPLETED = ImportCompleted(
    event_id="00000000-0000-4000-8000-000000000001",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    rows_read=3,
    rows_imported=2,
    rows_rejected=1,
    started_at=STARTED_AT,
    finished_at=STARTED_AT,
)
FAILED = ImportFailed(
    event_id="00000000-0000-4000-8000-000000000002",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    error=ImportErrorDetail(code="source_not_found", message="no such file"),
    started_at=STARTED_AT,
    finished_at=STARTED_AT,
)
REJECTED = ImportRejected(
    event_id="00000000-0000-4000-8000-000000000003",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    error=ImportErrorDetail(code="forbidden", message="subject 'vera' has no role that may import"),
    started_at=STARTED_AT,
    finished_at=STARTED_AT,
)


def attempt_of(
    result: ImportFinished,
    *,
    actor: UserIdentity | None = ALICE,
    request_id: str = "msg-1",
    traceparent: str = TRACEPARENT,
) -> ImportAttempt:
    return ImportAttempt(
        request_id=request_id,
        import_id=result.import_id,
        actor=actor,
        trace={"traceparent": traceparent},
        outcome=lambda: result,
    )


def derived(*parts: str) -> str:
    return SequentialIdGenerator().derive(*parts)


def audit_documents(sent: Sequence[OutboundMessage]) -> list[dict[str, Any]]:
    return [json.loads(message.data) for message in sent if message.topic == TOPICS.audit]


def audit_event_ids(sent: Sequence[OutboundMessage]) -> list[str]:
    return [document["event_id"] for document in audit_documents(sent)]


def audit_event_types(sent: Sequence[OutboundMessage]) -> list[str]:
    return [document["event_type"] for document in audit_documents(sent)]
