from dataclasses import dataclass

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
    """Reads committed records only."""

    def __init__(self, *, uow: UnitOfWork) -> None:
        self._uow = uow

    def execute(self, query: GetRecord) -> DataRecord | None:
        with self._uow as uow:
            return uow.records.get(query.dataset, query.key)

    def count(self, query: CountRecords) -> int:
        with self._uow as uow:
            return uow.records.count(query.dataset)
