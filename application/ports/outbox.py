import abc
from collections.abc import Sequence
from dataclasses import dataclass

from application.ports.outbound_message import OutboundMessage


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingMessage:
    position: int
    message: OutboundMessage


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxBacklog:
    pending: int
    oldest_age_seconds: float


class Outbox(abc.ABC):
    """Messages written in the unit of work's transaction, published later by the relay."""

    @abc.abstractmethod
    def add(self, messages: Sequence[OutboundMessage]) -> list[PendingMessage]:
        """Writes the messages; returns them in order with their increasing committed positions."""

    @abc.abstractmethod
    def pending(self, limit: int, *, min_age_seconds: float = 0.0) -> Sequence[PendingMessage]:
        """Oldest unpublished messages at least min_age_seconds old, locked until this unit ends."""

    @abc.abstractmethod
    def mark_published(self, positions: Sequence[int]) -> None: ...

    @abc.abstractmethod
    def backlog(self) -> OutboxBacklog:
        """Committed messages not yet published, and how long the oldest has waited (0 if none)."""
