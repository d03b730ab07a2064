from functools import cached_property
from typing import TYPE_CHECKING

from adapters.caching.null_cache import NullCache
from adapters.caching.redis_cache import RedisCache
from adapters.caching.shared_key_sets import SharedKeySets
from adapters.system.cache_probe import CacheProbe
from adapters.system.uuid_id_generator import UuidIdGenerator
from application.ports.cache import Cache
from application.ports.completed_imports import CompletedImports
from application.ports.health_probe import HealthProbe
from application.ports.record_cache import RecordCache
from application.services.cache_requests import CacheMetrics, UncountedCacheRequests
from application.services.cached_completed_imports import CachedCompletedImports
from application.services.cached_records import CachedRecords
from application.services.no_completed_imports import NoCompletedImports
from application.services.owing_cache import OwingCache

if TYPE_CHECKING:
    from worker.composition.components import Components

UNCOUNTED = UncountedCacheRequests()


class CacheComponents:
    """The shared cache: Redis when REDIS_URL is set (behind the "redis" policy), or the one a test
    gives; otherwise a null cache, and everything reads the store as if there were no cache."""

    def __init__(self, root: "Components") -> None:
        self._root = root
        self._settings = root.settings
        self._given = root.overrides.get("cache")

    @cached_property
    def url(self) -> str | None:
        """REDIS_URL, wherever it is kept (the variable, its _FILE, or Vault)."""
        return self._root.secret("REDIS_URL")

    @property
    def configured(self) -> bool:
        return self._given is not None or self.url is not None

    @cached_property
    def redis(self) -> RedisCache | None:
        settings = self._settings
        if self.url is None:
            return None
        return RedisCache.connect(
            self.url,
            policy=self._root.resilience.policy("redis"),
            prefix=settings.cache_key_prefix,
            ttl_seconds=settings.cache_ttl_seconds,
            connect_timeout_seconds=settings.cache_connect_timeout_seconds,
            command_timeout_seconds=settings.cache_command_timeout_seconds,
        )

    @cached_property
    def cache(self) -> Cache:
        shared = self._given or self.redis
        return NullCache() if shared is None else OwingCache(shared)

    @cached_property
    def shared_key_sets(self) -> SharedKeySets:
        return SharedKeySets(self.cache)

    def completed_imports(self, metrics: CacheMetrics = UNCOUNTED) -> CompletedImports:
        if not self.configured:
            return NoCompletedImports()
        return CachedCompletedImports(cache=self.cache, metrics=metrics)

    def record_cache(self, metrics: CacheMetrics = UNCOUNTED) -> RecordCache:
        return CachedRecords(
            cache=self.cache, generations=UuidIdGenerator(), metrics=self._counted(metrics)
        )

    def probes(self) -> list[HealthProbe]:
        return [CacheProbe(self.cache)] if self.configured else []

    def close(self) -> None:
        if "redis" in self.__dict__ and self.redis is not None:
            self.redis.close()

    def _counted(self, metrics: CacheMetrics) -> CacheMetrics:
        return metrics if self.configured else UNCOUNTED
