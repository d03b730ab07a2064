from collections.abc import Sequence

from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver


class RecordingHandOver(OutboxHandOver):
    def __init__(self) -> None:
        self.handed_over: list[list[PendingMessage]] = []

    def hand_over(self, written: Sequence[PendingMessage]) -> None:
        self.handed_over.append(list(written))

    def topics(self) -> list[list[str]]:
        return [[entry.message.topic for entry in written] for written in self.handed_over]
