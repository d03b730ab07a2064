from collections.abc import Sequence

from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver


class NoHandOver(OutboxHandOver):
    """Leaves written messages in the outbox, for a relay to publish whenever it runs."""

    def hand_over(self, written: Sequence[PendingMessage]) -> None:
        return None
