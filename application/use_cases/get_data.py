from dataclasses import dataclass

from application.ports.record_cache import RecordCache
from application.ports.unit_of_work import UnitOfWork
from domain.model.data_record import DataRecord, RecordKey


@dataclass(frozen=True, slots=True, kw_only=True)
class GetRecord:
    dataset: str
    key: RecordKey


@dataclass(frozen=True, slots=True, kw_only=True)
class CountRecords:
    dataset: str


class GetDataUseCase:
    """Reads committed records only: a record is read through the cache, which answers it until an
    import commits into its dataset."""

    def __init__(self, *, uow: UnitOfWork, cache: RecordCache) -> None:
        self._uow = uow
        self._cache = cache

    def execute(self, query: GetRecord) -> DataRecord | None:
        lookup = self._cache.look_up(query.dataset, query.key)
        if lookup.record is not None:
            return lookup.record
        with self._uow as uow:
            record = uow.records.get(query.dataset, query.key)
        if record is not None:
            self._cache.keep(lookup, record)
        return record

    def count(self, query: CountRecords) -> int:
        with self._uow as uow:
            return uow.records.count(query.dataset)
