from collections.abc import Sequence

from adapters.persistence.memory.store import InMemoryStore
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import Outbox, OutboxBacklog, PendingMessage


class InMemoryOutbox(Outbox):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: list[PendingMessage] = []
        self.claimed: list[int] = []
        self.published: list[int] = []

    def add(self, messages: Sequence[OutboundMessage]) -> list[PendingMessage]:
        positions = self._store.reserve(len(messages))
        added = [
            PendingMessage(position=position, message=message)
            for position, message in zip(positions, messages, strict=True)
        ]
        self.staged.extend(added)
        return added

    def pending(self, limit: int, *, min_age_seconds: float = 0.0) -> Sequence[PendingMessage]:
        claimed = self._store.claim(limit, min_age_seconds=min_age_seconds)
        self.claimed.extend(entry.position for entry in claimed)
        return claimed

    def mark_published(self, positions: Sequence[int]) -> None:
        self.published.extend(positions)

    def backlog(self) -> OutboxBacklog:
        return self._store.backlog()
