from collections.abc import Mapping
from dataclasses import dataclass

from application.events.message_attributes import bounded_attributes
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage
from application.services.outcome_messages import OutcomeMessages


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadLetterMessage:
    message_id: str
    data: bytes
    attributes: Mapping[str, str]
    reason: str
    error: str
    correlation_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadLetterMessageUseCase:
    """Republishes a message that cannot be understood, unchanged but for the reason; audits it."""

    publisher: MessagePublisher
    dead_letter_topic: str
    messages: OutcomeMessages

    def execute(self, command: DeadLetterMessage) -> None:
        audit = self.messages.dead_lettered(
            message_id=command.message_id,
            correlation_id=command.correlation_id,
            reason=command.reason,
        )
        self.publisher.publish([self._copy(command), audit])

    def _copy(self, command: DeadLetterMessage) -> OutboundMessage:
        reason = bounded_attributes(
            {"dead_letter_reason": command.reason, "dead_letter_error": command.error}
        )
        return OutboundMessage(
            topic=self.dead_letter_topic,
            data=command.data,
            attributes={**command.attributes, **reason},
        )
