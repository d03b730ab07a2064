import abc
from collections.abc import Sequence
from dataclasses import dataclass

from application.ports.outbound_message import OutboundMessage


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingMessage:
    position: int
    message: OutboundMessage


class Outbox(abc.ABC):
    """Messages written in the unit of work's transaction, published later by the relay."""

    @abc.abstractmethod
    def add(self, messages: Sequence[OutboundMessage]) -> None: ...

    @abc.abstractmethod
    def pending(self, limit: int) -> Sequence[PendingMessage]:
        """The oldest unpublished messages; other relays skip them until this transaction ends."""

    @abc.abstractmethod
    def mark_published(self, positions: Sequence[int]) -> None: ...
