from collections.abc import Callable

from adapters.system.probe_timing import timed_check
from application.ports.health_probe import HealthProbe, ProbeResult


class CallProbe(HealthProbe):
    """A required dependency, up while one cheap call to it succeeds."""

    def __init__(self, name: str, call: Callable[[], object]) -> None:
        self.name = name
        self.optional = False
        self._call = call

    def check(self) -> ProbeResult:
        return timed_check(self.name, self._call)
