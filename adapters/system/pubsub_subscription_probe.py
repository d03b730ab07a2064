from adapters.system.probe_timing import timed_check
from adapters.system.reachable_subscription import ReachableSubscription
from application.ports.health_probe import HealthProbe, ProbeResult


class PubSubSubscriptionProbe(HealthProbe):
    def __init__(self, subscriber: ReachableSubscription) -> None:
        self.name = "pubsub"
        self.optional = False
        self._subscriber = subscriber

    def check(self) -> ProbeResult:
        return timed_check(self.name, self._subscriber.probe)
