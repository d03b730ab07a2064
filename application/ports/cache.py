import abc
from collections.abc import Mapping, Sequence


class Cache(abc.ABC):
    """A key-value store shared by every process, which may lose any key at any moment: entries
    expire after the cache's time to live, markers stay until replaced. Every call raises
    DependencyUnavailableError when the cache cannot answer (down, slow, or its circuit open)."""

    @abc.abstractmethod
    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        """The value of each key, None for a key the cache does not hold."""

    @abc.abstractmethod
    def put_many(self, entries: Mapping[str, bytes]) -> None:
        """Stores entries that expire after the cache's time to live."""

    @abc.abstractmethod
    def put_markers(self, markers: Mapping[str, bytes]) -> None:
        """Stores markers, replacing any held under their keys; they do not expire."""

    @abc.abstractmethod
    def add_marker(self, key: str, value: bytes) -> bytes:
        """Stores a marker unless the key holds one already; returns the marker that stands."""

    @abc.abstractmethod
    def ping(self) -> None:
        """Returns once the cache answers."""
