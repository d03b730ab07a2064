from collections.abc import Mapping, Sequence

from application.ports.cache import Cache


class NullCache(Cache):
    """No cache: holds nothing and takes everything, so that every read goes to the store."""

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        return [None for _ in keys]

    def put_many(self, entries: Mapping[str, bytes]) -> None:
        return None

    def put_markers(self, markers: Mapping[str, bytes]) -> None:
        return None

    def add_marker(self, key: str, value: bytes) -> bytes:
        return value

    def ping(self) -> None:
        return None
