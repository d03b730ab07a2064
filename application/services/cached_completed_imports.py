import json
from collections.abc import Sequence
from functools import partial

from application.events.result_event_codec import decode_result_event, result_event_bytes
from application.ports.cache import Cache
from application.ports.completed_imports import CompletedImports
from application.services.cache_requests import CacheMetrics, attempted, found, written
from domain.events.import_completed import ImportCompleted

UNREADABLE = (ValueError, KeyError, TypeError)


class CachedCompletedImports(CompletedImports):
    """Completed results in the cache by import_id, as their result event. A completed result is
    final, so an entry is never invalidated: it expires only to bound the cache's memory."""

    def __init__(self, *, cache: Cache, metrics: CacheMetrics) -> None:
        self._cache = cache
        self._metrics = metrics

    def find(self, import_id: str) -> ImportCompleted | None:
        values = attempted(self._metrics, partial(self._cache.get_many, [_key(import_id)]))
        if values is None:
            return None
        return found(self._metrics, _completed(values[0]))

    def remember(self, results: Sequence[ImportCompleted]) -> None:
        if results:
            entries = {_key(result.import_id): result_event_bytes(result) for result in results}
            written(self._metrics, partial(self._cache.put_many, entries))


def _key(import_id: str) -> str:
    return f"imports:{import_id}"


def _completed(value: bytes | None) -> ImportCompleted | None:
    if value is None:
        return None
    try:
        result = decode_result_event(json.loads(value))
    except UNREADABLE:
        return None
    return result if isinstance(result, ImportCompleted) else None
