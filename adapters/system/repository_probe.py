import threading

from adapters.system.probe_timing import timed_check
from application.ports.health_probe import HealthProbe, ProbeResult
from application.ports.unit_of_work import UnitOfWork

HEALTH_DATASET = "__health__"


class RepositoryProbe(HealthProbe):
    def __init__(self, unit_of_work: UnitOfWork) -> None:
        self.name = "repository"
        self.optional = False
        self._unit_of_work = unit_of_work
        self._lock = threading.Lock()

    def check(self) -> ProbeResult:
        with self._lock:
            return timed_check(self.name, self._count)

    def _count(self) -> int:
        with self._unit_of_work as unit_of_work:
            return unit_of_work.records.count(HEALTH_DATASET)
