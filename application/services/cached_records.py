import json
import logging
from collections.abc import Collection
from functools import partial
from typing import Any

from application.ports.cache import Cache
from application.ports.id_generator import IdGenerator
from application.ports.record_cache import RecordCache, RecordLookup
from application.services.cache_requests import CacheMetrics, attempted, found, written
from domain.model.data_record import DataRecord, RecordKey

UNREADABLE = (ValueError, KeyError, TypeError)

logger = logging.getLogger(__name__)


class CachedRecords(RecordCache):
    """Records read from the store, in the cache with the generation of their dataset seen before
    the read: a random marker that every commit into the dataset replaces. An entry answers only
    while its generation is still the dataset's, so once an import committed into a dataset, no
    record of it read before is answered again."""

    def __init__(self, *, cache: Cache, generations: IdGenerator, metrics: CacheMetrics) -> None:
        self._cache = cache
        self._generations = generations
        self._metrics = metrics

    def look_up(self, dataset: str, key: RecordKey) -> RecordLookup:
        seen = attempted(self._metrics, partial(self._seen, dataset, key))
        if seen is None:
            return RecordLookup()
        generation, entry = seen
        record = found(self._metrics, _record(entry, generation))
        return RecordLookup(record=record, generation=generation)

    def keep(self, lookup: RecordLookup, record: DataRecord) -> None:
        if lookup.generation is not None:
            entry = {_entry_key(record.dataset, record.key): _entry(lookup.generation, record)}
            written(self._metrics, partial(self._cache.put_many, entry))

    def invalidate(self, datasets: Collection[str]) -> None:
        if not datasets:
            return
        markers = {_generation_key(dataset): self._new_generation() for dataset in datasets}
        if not written(self._metrics, partial(self._cache.put_markers, markers)):
            logger.warning("cache.invalidation_failed", extra={"datasets": sorted(datasets)})

    def _seen(self, dataset: str, key: RecordKey) -> tuple[str, bytes | None]:
        marker, entry = self._cache.get_many([_generation_key(dataset), _entry_key(dataset, key)])
        if marker is None:
            marker = self._cache.add_marker(_generation_key(dataset), self._new_generation())
        return marker.decode(), entry

    def _new_generation(self) -> bytes:
        return self._generations.new_id().encode()


def _generation_key(dataset: str) -> str:
    return f"generations:{dataset}"


def _entry_key(dataset: str, key: RecordKey) -> str:
    return f"records:{dataset}:{json.dumps(list(key))}"


def _entry(generation: str, record: DataRecord) -> bytes:
    document = {
        "generation": generation,
        "dataset": record.dataset,
        "key": list(record.key),
        "values": dict(record.values),
        "import_id": record.import_id,
    }
    return json.dumps(document).encode()


def _record(entry: bytes | None, generation: str) -> DataRecord | None:
    if entry is None:
        return None
    try:
        document = json.loads(entry)
        return _current(document, generation)
    except UNREADABLE:
        return None


def _current(document: dict[str, Any], generation: str) -> DataRecord | None:
    if document["generation"] != generation:
        return None
    return DataRecord(
        dataset=document["dataset"],
        key=tuple(document["key"]),
        values=document["values"],
        import_id=document["import_id"],
    )
