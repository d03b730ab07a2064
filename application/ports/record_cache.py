import abc
from collections.abc import Collection
from dataclasses import dataclass

from domain.model.data_record import DataRecord, RecordKey


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordLookup:
    """What the cache holds for a key: the record, or none and the generation of its dataset seen
    before the store is read, under which the store's answer may be kept (none to keep it under
    when the cache could not answer)."""

    record: DataRecord | None = None
    generation: str | None = None


class RecordCache(abc.ABC):
    """Records read from the store before, answered again until an import commits into their
    dataset. Never raises: a cache that cannot answer finds nothing and keeps nothing."""

    @abc.abstractmethod
    def look_up(self, dataset: str, key: RecordKey) -> RecordLookup: ...

    @abc.abstractmethod
    def keep(self, lookup: RecordLookup, record: DataRecord) -> None:
        """Keeps a record just read from the store, under the generation its lookup saw."""

    @abc.abstractmethod
    def invalidate(self, datasets: Collection[str]) -> None:
        """After a commit that wrote into datasets, before anyone is answered."""
