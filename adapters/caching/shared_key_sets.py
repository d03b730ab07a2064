import contextlib
import hashlib
import json
from typing import Any

from application.errors import DependencyUnavailableError
from application.ports.cache import Cache


class SharedKeySets:
    """Key sets (JWKS documents) shared by every replica through the cache, by address, so that an
    identity provider is asked once per refresh, not once per replica. A cache that cannot answer
    shares nothing: each replica then fetches the key set itself, as without a cache."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def find(self, address: str) -> dict[str, Any] | None:
        try:
            [value] = self._cache.get_many([_key(address)])
        except DependencyUnavailableError:
            return None
        return _key_set(value)

    def share(self, address: str, key_set: dict[str, Any]) -> None:
        with contextlib.suppress(DependencyUnavailableError):
            self._cache.put_many({_key(address): json.dumps(key_set).encode()})


def _key(address: str) -> str:
    return f"jwks:{hashlib.sha256(address.encode()).hexdigest()}"


def _key_set(value: bytes | None) -> dict[str, Any] | None:
    if value is None:
        return None
    try:
        document = json.loads(value)
    except ValueError:
        return None
    return document if isinstance(document, dict) else None
