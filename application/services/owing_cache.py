import threading
from collections.abc import Mapping, Sequence

from application.ports.cache import Cache


class OwingCache(Cache):
    """A cache whose markers are written at least once: markers the cache could not take are owed,
    and paid before anything else is asked of it (a ping included), so that a writer cut off from
    the cache invalidates what it must as soon as the cache answers it again."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache
        self._lock = threading.Lock()
        self._owed: dict[str, bytes] = {}

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        self._pay()
        return self._cache.get_many(keys)

    def put_many(self, entries: Mapping[str, bytes]) -> None:
        self._pay()
        self._cache.put_many(entries)

    def put_markers(self, markers: Mapping[str, bytes]) -> None:
        with self._lock:
            self._owed.update(markers)
        self._pay()

    def add_marker(self, key: str, value: bytes) -> bytes:
        self._pay()
        return self._cache.add_marker(key, value)

    def ping(self) -> None:
        self._pay()
        self._cache.ping()

    def _pay(self) -> None:
        with self._lock:
            owed = dict(self._owed)
        if not owed:
            return
        self._cache.put_markers(owed)
        with self._lock:
            for key, value in owed.items():
                if self._owed.get(key) == value:
                    del self._owed[key]
