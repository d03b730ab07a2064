import threading

from application.ports.health_probe import HealthProbe, ProbeResult
from tests.fakes.fake_health_probe import FakeHealthProbe


class RaisingProbe(HealthProbe):
    def __init__(self, name: str = "repository") -> None:
        self.name = name

    def check(self) -> ProbeResult:
        raise RuntimeError("a probe that breaks its contract")


class BlockingProbe(FakeHealthProbe):
    def __init__(self, name: str = "repository") -> None:
        super().__init__(name)
        self.release = threading.Event()

    def check(self) -> ProbeResult:
        result = super().check()
        self.release.wait(timeout=10.0)
        return result


class FakeSubscription:
    def __init__(self, *, reachable: bool = True) -> None:
        self.reachable = reachable

    def probe(self) -> float:
        if not self.reachable:
            raise ConnectionError("subscription unreachable")
        return 3.0
