import abc
from dataclasses import dataclass

from domain.health.health_status import HealthStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class ProbeResult:
    status: HealthStatus
    latency_ms: float


class HealthProbe(abc.ABC):
    """Checks one dependency; must return within its own timeout and never raise."""

    name: str
    optional: bool = False

    @abc.abstractmethod
    def check(self) -> ProbeResult: ...
