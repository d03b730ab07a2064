from types import TracebackType
from typing import Self

from adapters.persistence.in_memory_data_repository import InMemoryDataRepository
from adapters.persistence.in_memory_import_ledger import InMemoryImportLedger
from adapters.persistence.in_memory_outbox import InMemoryOutbox
from adapters.persistence.in_memory_store import InMemoryStore
from application.ports.unit_of_work import UnitOfWork


class InMemoryTransaction(UnitOfWork):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self._outbox = InMemoryOutbox(store)
        self._begin()

    def __enter__(self) -> Self:
        self._begin()
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._begin()

    def commit(self) -> None:
        self._store.apply(
            records=self._records.staged,
            imports=self._imports.staged.values(),
            messages=self._outbox.staged,
            published=self._outbox.published,
        )
        self._begin()

    def close(self) -> None:
        self._begin()

    def _begin(self) -> None:
        self._store.release(self._outbox.claimed)
        self._records = InMemoryDataRepository(self._store)
        self._imports = InMemoryImportLedger(self._store)
        self._outbox = InMemoryOutbox(self._store)
        self.records = self._records
        self.imports = self._imports
        self.outbox = self._outbox
