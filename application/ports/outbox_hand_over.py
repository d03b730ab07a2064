import abc
from collections.abc import Sequence

from application.ports.outbox import PendingMessage


class OutboxHandOver(abc.ABC):
    """Takes outbox messages as soon as their transaction committed, to publish them at once."""

    @abc.abstractmethod
    def hand_over(self, written: Sequence[PendingMessage]) -> None: ...
