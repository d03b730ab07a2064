from collections.abc import Mapping, Sequence

from application.errors import DependencyUnavailableError
from application.ports.cache import Cache


class FakeCache(Cache):
    """An in-memory cache that never expires anything and can be cut off: while unreachable, every
    call raises DependencyUnavailableError, as a cache down, slow or behind an open circuit does."""

    def __init__(self, *, reachable: bool = True) -> None:
        self.values: dict[str, bytes] = {}
        self.reachable = reachable

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        self._answer()
        return [self.values.get(key) for key in keys]

    def put_many(self, entries: Mapping[str, bytes]) -> None:
        self._answer()
        self.values.update(entries)

    def put_markers(self, markers: Mapping[str, bytes]) -> None:
        self._answer()
        self.values.update(markers)

    def add_marker(self, key: str, value: bytes) -> bytes:
        self._answer()
        return self.values.setdefault(key, value)

    def ping(self) -> None:
        self._answer()

    def _answer(self) -> None:
        if not self.reachable:
            raise DependencyUnavailableError("the cache is unreachable")
