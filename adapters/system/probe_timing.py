import logging
import time
from collections.abc import Callable

from application.ports.health_probe import ProbeResult
from domain.health.health_status import HealthStatus

logger = logging.getLogger(__name__)


def timed_check(name: str, exercise: Callable[[], object]) -> ProbeResult:
    started = time.perf_counter()
    try:
        exercise()
    except Exception as error:
        logger.warning("health.probe_failed", extra={"probe": name, "error": type(error).__name__})
        return ProbeResult(status=HealthStatus.DOWN, latency_ms=_elapsed_ms(started))
    return ProbeResult(status=HealthStatus.UP, latency_ms=_elapsed_ms(started))


def _elapsed_ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
