import abc
from collections.abc import Sequence

from application.ports.outbound_message import OutboundMessage


class MessagePublisher(abc.ABC):
    """Publishes every message durably before returning, else raises DependencyUnavailableError."""

    @abc.abstractmethod
    def publish(self, messages: Sequence[OutboundMessage]) -> None: ...

    def close(self) -> None:
        """Releases what the publisher holds; a publisher holding nothing has nothing to do."""
