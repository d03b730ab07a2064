from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from application.use_cases.check_health import HealthReport
from domain.health.health_status import HealthStatus


class ReadinessGauge(Protocol):
    def readiness(self, ready: bool) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportedReadiness:
    """Each readiness check, also reported to the metrics: ready unless the worker is down."""

    check: Callable[[], HealthReport]
    gauge: ReadinessGauge

    def __call__(self) -> HealthReport:
        report = self.check()
        self.gauge.readiness(report.status is not HealthStatus.DOWN)
        return report
