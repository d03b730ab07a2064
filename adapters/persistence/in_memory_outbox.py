from collections.abc import Sequence

from adapters.persistence.in_memory_store import InMemoryStore
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import Outbox, PendingMessage


class InMemoryOutbox(Outbox):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: list[OutboundMessage] = []
        self.claimed: list[int] = []
        self.published: list[int] = []

    def add(self, messages: Sequence[OutboundMessage]) -> None:
        self.staged.extend(messages)

    def pending(self, limit: int) -> Sequence[PendingMessage]:
        claimed = self._store.claim(limit)
        self.claimed.extend(entry.position for entry in claimed)
        return claimed

    def mark_published(self, positions: Sequence[int]) -> None:
        self.published.extend(positions)
