from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from application.ports.health_probe import HealthProbe, ProbeResult
from domain.health.health_status import HealthStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class HealthReport:
    status: HealthStatus
    checks: Mapping[str, ProbeResult]


SEVERITY = (HealthStatus.UP, HealthStatus.DEGRADED, HealthStatus.DOWN)


class CheckHealthUseCase:
    """Up when every probe is up; down when a required probe is down; degraded otherwise (an
    optional probe down, or a probe that answers degraded itself)."""

    def __init__(self, *, probes: Sequence[HealthProbe]) -> None:
        self._probes = probes

    def execute(self) -> HealthReport:
        results = {probe.name: probe.check() for probe in self._probes}
        return HealthReport(status=self._overall(results), checks=results)

    def _overall(self, results: Mapping[str, ProbeResult]) -> HealthStatus:
        weights = [_weight(probe, results[probe.name].status) for probe in self._probes]
        return max(weights, key=SEVERITY.index, default=HealthStatus.UP)


def _weight(probe: HealthProbe, status: HealthStatus) -> HealthStatus:
    if probe.optional and status is HealthStatus.DOWN:
        return HealthStatus.DEGRADED
    return status
