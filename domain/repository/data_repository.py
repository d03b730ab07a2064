import abc
from collections.abc import Iterable

from domain.model.data_record import DataRecord, RecordKey


class DataRepository(abc.ABC):
    """Runs inside the unit of work that owns it; readers see nothing before its commit."""

    @abc.abstractmethod
    def upsert_all(self, records: Iterable[DataRecord]) -> int:
        """Stores every record, last write wins per (dataset, key); consumes the iterable once."""

    @abc.abstractmethod
    def get(self, dataset: str, key: RecordKey) -> DataRecord | None: ...

    @abc.abstractmethod
    def count(self, dataset: str) -> int: ...
