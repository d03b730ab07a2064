from collections.abc import Mapping
from dataclasses import dataclass

from application.events.audit_event import AuditEvent, AuditEventType, AuditOutcome
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.outbound_message import OutboundMessage
from application.services.event_messages import EventMessages
from domain.auth.user_identity import UserIdentity
from domain.events.import_finished import ImportFinished

AuditDetails = Mapping[str, str | int]


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditSubject:
    result: ImportFinished
    actor: UserIdentity | None
    request_id: str


class ImportEvents:
    """Outbox messages per outcome; ids derive from the request, so a redelivery repeats them."""

    def __init__(self, *, messages: EventMessages, clock: Clock, ids: IdGenerator) -> None:
        self._messages = messages
        self._clock = clock
        self._ids = ids

    def completed(self, subject: AuditSubject) -> list[OutboundMessage]:
        return [
            self._messages.result(subject.result),
            self._audit(subject, AuditEventType.IMPORT_REQUESTED, AuditOutcome.SUCCESS, {}),
            self._audit(
                subject, AuditEventType.IMPORT_COMPLETED, AuditOutcome.SUCCESS, _counts(subject)
            ),
        ]

    def failed(self, subject: AuditSubject) -> list[OutboundMessage]:
        return [
            self._messages.result(subject.result),
            self._audit(
                subject, AuditEventType.IMPORT_FAILED, AuditOutcome.FAILURE, _error(subject)
            ),
        ]

    def denied(self, subject: AuditSubject) -> list[OutboundMessage]:
        return [
            self._messages.result(subject.result),
            self._audit(
                subject, AuditEventType.IMPORT_DENIED, AuditOutcome.DENIED, _error(subject)
            ),
        ]

    def repeated(self, result: ImportFinished) -> list[OutboundMessage]:
        return [self._messages.result(result)]

    def _audit(
        self,
        subject: AuditSubject,
        event_type: AuditEventType,
        outcome: AuditOutcome,
        details: AuditDetails,
    ) -> OutboundMessage:
        event = AuditEvent(
            event_id=self._ids.derive(subject.request_id, event_type),
            event_type=event_type,
            occurred_at=self._clock.now(),
            correlation_id=subject.result.correlation_id,
            actor=subject.actor,
            dataset=subject.result.dataset,
            import_id=subject.result.import_id,
            outcome=outcome,
            details=details,
        )
        return self._messages.audit(event)


def _counts(subject: AuditSubject) -> AuditDetails:
    return {
        "rows_read": subject.result.rows_read,
        "rows_imported": subject.result.rows_imported,
        "rows_rejected": subject.result.rows_rejected,
    }


def _error(subject: AuditSubject) -> AuditDetails:
    error = subject.result.error
    return {} if error is None else {"error_code": error.code}
