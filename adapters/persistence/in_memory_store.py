import threading
from collections.abc import Mapping

from domain.events.import_finished import ImportFinished
from domain.model.data_record import DataRecord, RecordKey

DatasetRecords = dict[RecordKey, DataRecord]


class InMemoryStore:
    def __init__(self) -> None:
        self.records: dict[str, DatasetRecords] = {}
        self.imports: dict[str, ImportFinished] = {}
        self._lock = threading.Lock()

    def dataset(self, dataset: str) -> Mapping[RecordKey, DataRecord]:
        return self.records.get(dataset, {})

    def apply(
        self, records: Mapping[str, DatasetRecords], imports: Mapping[str, ImportFinished]
    ) -> None:
        with self._lock:
            for dataset, staged in records.items():
                self.records.setdefault(dataset, {}).update(staged)
            self.imports.update(imports)
