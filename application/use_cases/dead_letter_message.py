from collections.abc import Mapping
from dataclasses import dataclass

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
        self, *, publisher: MessagePublisher, dead_letter_topic: str, messages: EventMessages
    ) -> None:
        self._publisher = publisher
        self._dead_letter_topic = dead_letter_topic
        self._messages = messages

    def execute(self, command: DeadLetterMessage) -> None:
        audit = self._messages.dead_lettered(
            message_id=command.message_id,
            correlation_id=command.correlation_id,
            reason=command.reason,
        )
        self._publisher.publish([self._copy(command), audit])

    def _copy(self, command: DeadLetterMessage) -> OutboundMessage:
        reason = {"dead_letter_reason": command.reason, "dead_letter_error": command.error}
        return OutboundMessage(
            topic=self._dead_letter_topic,
            data=command.data,
            attributes={**command.attributes, **reason},
        )
