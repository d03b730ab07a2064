from dataclasses import dataclass, field

from application.ports.health_probe import ProbeResult
from application.use_cases.check_health import HealthReport
from domain.health.health_status import HealthStatus

METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def report(status: HealthStatus, **checks: HealthStatus) -> HealthReport:
    results = {name: ProbeResult(status=check, latency_ms=1.5) for name, check in checks.items()}
    return HealthReport(status=status, checks=results)


@dataclass
class HealthState:
    alive: bool = True
    draining: bool = False
    readiness: HealthReport = field(
        default_factory=lambda: report(HealthStatus.UP, pubsub=HealthStatus.UP)
    )
    readiness_error: Exception | None = None

    def liveness(self) -> bool:
        return self.alive

    def is_draining(self) -> bool:
        return self.draining

    def report(self) -> HealthReport:
        if self.readiness_error is not None:
            raise self.readiness_error
        return self.readiness

    def metrics(self) -> tuple[bytes, str]:
        return b"import_worker_messages_in_flight 0.0\n", METRICS_CONTENT_TYPE
