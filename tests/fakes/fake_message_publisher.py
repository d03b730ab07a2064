from collections.abc import Sequence

from application.errors import DependencyUnavailableError, MessageRefusedError
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage


class FakeMessagePublisher(MessagePublisher):
    """Publishes to memory; unavailable past available_batches; refuses any batch holding a
    message whose data is in refused."""

    def __init__(
        self, *, available_batches: int | None = None, refused: frozenset[bytes] = frozenset()
    ) -> None:
        self._available_batches = available_batches
        self._refused = refused
        self.batches: list[list[OutboundMessage]] = []

    @property
    def published(self) -> list[OutboundMessage]:
        return [message for batch in self.batches for message in batch]

    def publish(self, messages: Sequence[OutboundMessage]) -> None:
        if self._available_batches is not None and len(self.batches) >= self._available_batches:
            raise DependencyUnavailableError("pub/sub unreachable")
        if any(message.data in self._refused for message in messages):
            raise MessageRefusedError("a message is too large")
        self.batches.append(list(messages))
