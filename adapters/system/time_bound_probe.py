import logging
import threading
import time
from concurrent.futures import Future

from application.ports.health_probe import HealthProbe, ProbeResult
from domain.health.health_status import HealthStatus

logger = logging.getLogger(__name__)


class TimeBoundProbe(HealthProbe):
    def __init__(self, probe: HealthProbe, *, timeout_seconds: float) -> None:
        self.name = probe.name
        self.optional = probe.optional
        self._probe = probe
        self._timeout_seconds = timeout_seconds
        self._lock = threading.Lock()
        self._pending: Future[ProbeResult] | None = None

    def check(self) -> ProbeResult:
        started = time.perf_counter()
        try:
            return self._running().result(timeout=self._timeout_seconds)
        except TimeoutError:
            logger.warning("health.probe_timed_out", extra={"probe": self.name})
            return self._down(self._timeout_seconds)
        except Exception as error:
            logger.warning(
                "health.probe_failed", extra={"probe": self.name, "error": type(error).__name__}
            )
            return self._down(time.perf_counter() - started)

    def _running(self) -> Future[ProbeResult]:
        with self._lock:
            if self._pending is None or self._pending.done():
                self._pending = Future()
                self._start(self._pending)
            return self._pending

    def _start(self, future: Future[ProbeResult]) -> None:
        name = f"health-probe-{self.name}"
        threading.Thread(target=self._run, args=(future,), name=name, daemon=True).start()

    def _run(self, future: Future[ProbeResult]) -> None:
        try:
            future.set_result(self._probe.check())
        except Exception as error:
            future.set_exception(error)

    @staticmethod
    def _down(seconds: float) -> ProbeResult:
        return ProbeResult(status=HealthStatus.DOWN, latency_ms=seconds * 1000.0)
