from adapters.system.probe_timing import timed_check
from application.ports.cache import Cache
from application.ports.health_probe import HealthProbe, ProbeResult


class CacheProbe(HealthProbe):
    """The cache is optional: while it cannot answer, every read goes to the store and the worker
    is degraded, not down."""

    def __init__(self, cache: Cache) -> None:
        self.name = "cache"
        self.optional = True
        self._cache = cache

    def check(self) -> ProbeResult:
        return timed_check(self.name, self._cache.ping)
