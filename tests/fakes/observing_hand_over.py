from collections.abc import Callable, Sequence

from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver


class ObservingHandOver(OutboxHandOver):
    """Looks at the world at each hand-over, the moment an import's events leave for Pub/Sub."""

    def __init__(self, observe: Callable[[], object]) -> None:
        self._observe = observe
        self.observed: list[object] = []

    def hand_over(self, written: Sequence[PendingMessage]) -> None:
        self.observed.append(self._observe())
