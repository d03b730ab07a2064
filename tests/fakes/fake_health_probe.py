from application.ports.health_probe import HealthProbe, ProbeResult
from domain.health.health_status import HealthStatus


class FakeHealthProbe(HealthProbe):
    def __init__(
        self,
        name: str,
        *,
        status: HealthStatus = HealthStatus.UP,
        optional: bool = False,
        latency_ms: float = 1.0,
    ) -> None:
        self.name = name
        self.optional = optional
        self._result = ProbeResult(status=status, latency_ms=latency_ms)
        self.checks = 0

    def check(self) -> ProbeResult:
        self.checks += 1
        return self._result
