import abc
from collections.abc import Sequence

from application.ports.outbound_message import OutboundMessage


class MessagePublisher(abc.ABC):
    """Publishes every message durably before returning; raises DependencyUnavailableError otherwise."""

    @abc.abstractmethod
    def publish(self, messages: Sequence[OutboundMessage]) -> None: ...
