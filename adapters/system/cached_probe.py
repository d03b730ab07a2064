import threading
import time
from collections.abc import Callable

from application.ports.health_probe import HealthProbe, ProbeResult


class CachedProbe(HealthProbe):
    def __init__(
        self,
        probe: HealthProbe,
        *,
        ttl_seconds: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = probe.name
        self.optional = probe.optional
        self._probe = probe
        self._ttl_seconds = ttl_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._cached: tuple[float, ProbeResult] | None = None

    def check(self) -> ProbeResult:
        with self._lock:
            now = self._clock()
            if self._cached is None or now - self._cached[0] >= self._ttl_seconds:
                self._cached = (now, self._probe.check())
            return self._cached[1]
