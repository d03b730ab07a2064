from typing import Self

from adapters.persistence.held_repositories import HeldRepositories
from adapters.persistence.memory.data_repository import InMemoryDataRepository
from adapters.persistence.memory.import_ledger import InMemoryImportLedger
from adapters.persistence.memory.outbox import InMemoryOutbox
from adapters.persistence.memory.store import InMemoryStore


class InMemoryTransaction(HeldRepositories):
    _records: InMemoryDataRepository
    _imports: InMemoryImportLedger
    _outbox: InMemoryOutbox

    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self._outbox = InMemoryOutbox(store)
        self._begin()

    def __enter__(self) -> Self:
        self._begin()
        return self

    def commit(self) -> None:
        self._store.apply(
            records=self._records.staged,
            imports=self._imports.staged.values(),
            messages=self._outbox.staged,
            published=self._outbox.published,
        )
        self._begin()

    def rollback(self) -> None:
        self._begin()

    def close(self) -> None:
        self._begin()

    def _begin(self) -> None:
        self._store.release(self._outbox.claimed)
        self._records = InMemoryDataRepository(self._store)
        self._imports = InMemoryImportLedger(self._store)
        self._outbox = InMemoryOutbox(self._store)
