from collections.abc import Callable
from enum import StrEnum
from typing import Protocol, TypeVar

from application.errors import DependencyUnavailableError

Answer = TypeVar("Answer")


class CacheResult(StrEnum):
    HIT = "hit"
    MISS = "miss"
    ERROR = "error"


class CacheMetrics(Protocol):
    def cache_request(self, result: str) -> None: ...


class UncountedCacheRequests:
    """Where no cache is configured, there is nothing to count."""

    def cache_request(self, result: str) -> None:
        return None


def attempted(metrics: CacheMetrics, request: Callable[[], Answer]) -> Answer | None:
    """What the cache answered, or None when it could not answer (counted as an error)."""
    try:
        return request()
    except DependencyUnavailableError:
        metrics.cache_request(CacheResult.ERROR)
        return None


def written(metrics: CacheMetrics, write: Callable[[], None]) -> bool:
    """Whether the cache took a write; one it could not take is counted as an error."""
    try:
        write()
    except DependencyUnavailableError:
        metrics.cache_request(CacheResult.ERROR)
        return False
    return True


def found(metrics: CacheMetrics, answer: Answer | None) -> Answer | None:
    metrics.cache_request(CacheResult.MISS if answer is None else CacheResult.HIT)
    return answer
