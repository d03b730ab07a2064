from collections.abc import Iterable

from adapters.persistence.memory.store import DatasetRecords, InMemoryStore
from domain.model.data_record import DataRecord, RecordKey
from domain.repository.data_repository import DataRepository


class InMemoryDataRepository(DataRepository):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: dict[str, DatasetRecords] = {}

    def upsert_all(self, records: Iterable[DataRecord]) -> int:
        stored = 0
        for record in records:
            self.staged.setdefault(record.dataset, {})[record.key] = record
            stored += 1
        return stored

    def get(self, dataset: str, key: RecordKey) -> DataRecord | None:
        staged = self.staged.get(dataset, {}).get(key)
        return staged if staged is not None else self._store.dataset(dataset).get(key)

    def count(self, dataset: str) -> int:
        committed = self._store.dataset(dataset)
        staged = self.staged.get(dataset, {})
        return len(committed) + sum(1 for key in staged if key not in committed)
