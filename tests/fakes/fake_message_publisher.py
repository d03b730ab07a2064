from collections.abc import Sequence

from application.errors import DependencyUnavailableError
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage


class FakeMessagePublisher(MessagePublisher):
    def __init__(self, *, available_batches: int | None = None) -> None:
        self._available_batches = available_batches
        self.batches: list[list[OutboundMessage]] = []

    @property
    def published(self) -> list[OutboundMessage]:
        return [message for batch in self.batches for message in batch]

    def publish(self, messages: Sequence[OutboundMessage]) -> None:
        if self._available_batches is not None and len(self.batches) >= self._available_batches:
            raise DependencyUnavailableError("pub/sub unreachable")
        self.batches.append(list(messages))
