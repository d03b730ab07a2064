from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from application.ports.health_probe import HealthProbe, ProbeResult
from domain.health.health_status import HealthStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class HealthReport:
    status: HealthStatus
    checks: Mapping[str, ProbeResult]


class CheckHealthUseCase:
    """Up when every probe is up; degraded when only optional probes are down; down otherwise."""

    def __init__(self, *, probes: Sequence[HealthProbe]) -> None:
        self._probes = probes

    def execute(self) -> HealthReport:
        results = {probe.name: probe.check() for probe in self._probes}
        return HealthReport(status=self._overall(results), checks=results)

    def _overall(self, results: Mapping[str, ProbeResult]) -> HealthStatus:
        failing = self._failing(results)
        if not failing:
            return HealthStatus.UP
        if all(probe.optional for probe in failing):
            return HealthStatus.DEGRADED
        return HealthStatus.DOWN

    def _failing(self, results: Mapping[str, ProbeResult]) -> list[HealthProbe]:
        return [probe for probe in self._probes if results[probe.name].status != HealthStatus.UP]
