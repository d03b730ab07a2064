from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from application.events.audit_event import AuditEvent, AuditEventType, AuditOutcome
from application.events.audit_event_codec import audit_event_attributes, audit_event_bytes
from application.events.result_event_codec import result_event_attributes, result_event_bytes
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.import_attempt import ImportAttempt
from application.ports.outbound_message import OutboundMessage
from application.ports.trace_context import TraceContext
from domain.events.import_completed import ImportCompleted
from domain.events.import_ended_in_error import ImportEndedInError
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.lifecycle.import_answer import ImportAnswer

AuditDetails = Mapping[str, str | int]


def _no_details(result: Any) -> AuditDetails:
    return {}


def _counts(result: ImportCompleted) -> AuditDetails:
    return {
        "rows_read": result.rows_read,
        "rows_imported": result.rows_imported,
        "rows_rejected": result.rows_rejected,
    }


def _error_code(result: ImportEndedInError) -> AuditDetails:
    return {"error_code": result.error.code}


class Audit(NamedTuple):
    event_type: AuditEventType
    outcome: AuditOutcome
    details: Callable[[Any], AuditDetails] = _no_details


AUDITS: Mapping[type[ImportFinished], tuple[Audit, ...]] = {
    ImportCompleted: (
        Audit(AuditEventType.IMPORT_REQUESTED, AuditOutcome.SUCCESS),
        Audit(AuditEventType.IMPORT_COMPLETED, AuditOutcome.SUCCESS, _counts),
    ),
    ImportFailed: (Audit(AuditEventType.IMPORT_FAILED, AuditOutcome.FAILURE, _error_code),),
    ImportRejected: (Audit(AuditEventType.IMPORT_DENIED, AuditOutcome.DENIED, _error_code),),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class EventTopics:
    results: str
    audit: str


class OutcomeMessages:
    """The messages that answer a request, each encoded for its topic: its result event, plus the
    audit events of a first answer. Their ids derive from the request: a redelivery repeats them.
    Each carries the trace context it was made in, a child of the request's."""

    def __init__(
        self, *, topics: EventTopics, clock: Clock, ids: IdGenerator, trace: TraceContext
    ) -> None:
        self._topics = topics
        self._clock = clock
        self._ids = ids
        self._trace = trace

    def answer(self, attempt: ImportAttempt, answer: ImportAnswer) -> list[OutboundMessage]:
        result = answer.result
        message = OutboundMessage(
            topic=self._topics.results,
            data=result_event_bytes(result),
            attributes=result_event_attributes(
                result, self._trace.produced(attempt.trace, self._topics.results)
            ),
        )
        if answer.repeated:
            return [message]
        return [message, *(self._audit(audit, attempt, result) for audit in AUDITS[type(result)])]

    def dead_lettered(
        self, *, message_id: str, correlation_id: str, reason: str
    ) -> OutboundMessage:
        event_type = AuditEventType.MESSAGE_DEAD_LETTERED
        return self._message(
            self._trace.current(),
            AuditEvent(
                event_id=self._ids.derive(message_id, event_type),
                event_type=event_type,
                occurred_at=self._clock.now(),
                correlation_id=correlation_id,
                actor=None,
                dataset=None,
                import_id=None,
                outcome=AuditOutcome.FAILURE,
                details={"message_id": message_id, "reason": reason},
            ),
        )

    def _audit(
        self, audit: Audit, attempt: ImportAttempt, result: ImportFinished
    ) -> OutboundMessage:
        return self._message(
            attempt.trace,
            AuditEvent(
                event_id=self._ids.derive(attempt.request_id, audit.event_type),
                event_type=audit.event_type,
                occurred_at=self._clock.now(),
                correlation_id=result.correlation_id,
                actor=attempt.actor,
                dataset=result.dataset,
                import_id=result.import_id,
                outcome=audit.outcome,
                details=audit.details(result),
            ),
        )

    def _message(self, parent: Mapping[str, str], event: AuditEvent) -> OutboundMessage:
        return OutboundMessage(
            topic=self._topics.audit,
            data=audit_event_bytes(event),
            attributes={
                **audit_event_attributes(event),
                **self._trace.produced(parent, self._topics.audit),
            },
        )
