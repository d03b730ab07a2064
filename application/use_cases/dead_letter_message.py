from collections.abc import Mapping
from dataclasses import dataclass

from application.events.audit_event import AuditEvent, AuditEventType, AuditOutcome
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage
from application.services.event_messages import EventMessages


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadLetterMessage:
    message_id: str
    data: bytes
    attributes: Mapping[str, str]
    reason: str
    error: str
    correlation_id: str


class DeadLetterMessageUseCase:
    """Republishes a message that cannot be understood, unchanged but for the reason; audits it."""

    def __init__(
        self,
        *,
        publisher: MessagePublisher,
        dead_letter_topic: str,
        messages: EventMessages,
        clock: Clock,
        ids: IdGenerator,
    ) -> None:
        self._publisher = publisher
        self._dead_letter_topic = dead_letter_topic
        self._messages = messages
        self._clock = clock
        self._ids = ids

    def execute(self, command: DeadLetterMessage) -> None:
        self._publisher.publish([self._copy(command), self._messages.audit(self._audit(command))])

    def _copy(self, command: DeadLetterMessage) -> OutboundMessage:
        reason = {"dead_letter_reason": command.reason, "dead_letter_error": command.error}
        return OutboundMessage(
            topic=self._dead_letter_topic,
            data=command.data,
            attributes={**command.attributes, **reason},
        )

    def _audit(self, command: DeadLetterMessage) -> AuditEvent:
        event_type = AuditEventType.MESSAGE_DEAD_LETTERED
        return AuditEvent(
            event_id=self._ids.derive(command.message_id, event_type),
            event_type=event_type,
            occurred_at=self._clock.now(),
            correlation_id=command.correlation_id,
            actor=None,
            dataset=None,
            import_id=None,
            outcome=AuditOutcome.FAILURE,
            details={"message_id": command.message_id, "reason": command.reason},
        )
