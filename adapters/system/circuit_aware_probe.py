from collections.abc import Sequence

from application.ports.health_probe import HealthProbe, ProbeResult
from domain.health.health_status import HealthStatus
from shared.resilience.circuit_state import CircuitState
from shared.resilience.dependency_policy import DependencyPolicy


class CircuitAwareProbe(HealthProbe):
    """A probe that also answers down while any of its dependency's circuits is open."""

    def __init__(self, probe: HealthProbe, *, policies: Sequence[DependencyPolicy]) -> None:
        self.name = probe.name
        self.optional = probe.optional
        self._probe = probe
        self._policies = policies

    def check(self) -> ProbeResult:
        result = self._probe.check()
        if any(policy.state is CircuitState.OPEN for policy in self._policies):
            return ProbeResult(status=HealthStatus.DOWN, latency_ms=result.latency_ms)
        return result
