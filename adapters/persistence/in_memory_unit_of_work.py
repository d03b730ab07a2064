from types import TracebackType
from typing import Self

from adapters.persistence.in_memory_data_repository import InMemoryDataRepository
from adapters.persistence.in_memory_import_ledger import InMemoryImportLedger
from adapters.persistence.in_memory_store import InMemoryStore
from application.ports.unit_of_work import UnitOfWork


class InMemoryUnitOfWork(UnitOfWork):
    def __init__(self, store: InMemoryStore | None = None) -> None:
        self.store = store if store is not None else InMemoryStore()
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
        self.store.apply(self._records.staged, self._imports.staged)
        self._begin()

    def _begin(self) -> None:
        self._records = InMemoryDataRepository(self.store)
        self._imports = InMemoryImportLedger(self.store)
        self.records = self._records
        self.imports = self._imports
