from functools import cached_property
from typing import TYPE_CHECKING

from adapters.system.cached_probe import CachedProbe
from adapters.system.circuit_aware_probe import CircuitAwareProbe
from adapters.system.pubsub_subscription_probe import PubSubSubscriptionProbe
from adapters.system.repository_probe import RepositoryProbe
from adapters.system.time_bound_probe import TimeBoundProbe
from application.ports.health_probe import HealthProbe
from application.ports.unit_of_work import UnitOfWork
from application.use_cases.check_health import CheckHealthUseCase
from worker.health.health_server import HealthServer
from worker.health.liveness_monitor import LivenessMonitor
from worker.health.reported_readiness import ReportedReadiness

if TYPE_CHECKING:
    from worker.composition.worker_components import WorkerComponents


class HealthComponents:
    """The sidecar's answers: liveness from the consume loop's beat, readiness from the probes."""

    def __init__(self, worker: "WorkerComponents") -> None:
        self._worker = worker
        self._root = worker.root
        self._messaging = worker.messaging
        self._settings = worker.root.settings

    @cached_property
    def probe_uow(self) -> UnitOfWork:
        return self._root.overrides.get("uow") or self._root.unit_of_work(per_thread=False)

    @cached_property
    def repository(self) -> RepositoryProbe:
        return RepositoryProbe(self.probe_uow)

    @cached_property
    def check(self) -> CheckHealthUseCase:
        pubsub = CircuitAwareProbe(
            PubSubSubscriptionProbe(self._messaging.subscriber),
            policies=(self._messaging.publish_policy, self._messaging.pull_policy),
        )
        timeout = self._settings.health_probe_timeout_seconds
        probes: list[HealthProbe] = [
            pubsub,
            self.repository,
            *self._root.secrets.probes(timeout_seconds=timeout / 2),
            *self._root.caching.probes(),
            *self._root.sources.probes(),
        ]
        return CheckHealthUseCase(
            probes=[CachedProbe(TimeBoundProbe(probe, timeout_seconds=timeout)) for probe in probes]
        )

    @cached_property
    def liveness(self) -> LivenessMonitor:
        return LivenessMonitor()

    @cached_property
    def server(self) -> HealthServer:
        return HealthServer(
            self._settings.health_host,
            self._settings.health_port,
            liveness=self.liveness.alive,
            readiness=ReportedReadiness(
                check=self.check.execute, gauge=self._worker.worker_metrics
            ),
            draining=self._worker.signals.draining.is_set,
            metrics=self._worker.worker_metrics.exposition,
        )
