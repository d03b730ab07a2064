from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from opentelemetry.sdk.resources import Resource

from adapters.observability.otel_metric_pipeline import metric_pipeline
from adapters.observability.otel_worker_metrics import OtelWorkerMetrics
from application.use_cases.check_health import CheckHealthUseCase, HealthReport
from domain.health.health_status import HealthStatus
from tests.contract.consumers import probe_pacts
from tests.fakes.fake_health_probe import FakeHealthProbe
from worker.health.health_server import HealthServer

UP = HealthStatus.UP
DOWN = HealthStatus.DOWN


def _worker_metrics() -> OtelWorkerMetrics:
    return OtelWorkerMetrics(metric_pipeline(resource=Resource.create(), exporter=None))


@dataclass
class SidecarWorld:
    """The dependencies the health sidecar reports on, put in the state a pact names."""

    alive: bool = True
    draining: bool = False
    statuses: dict[str, HealthStatus] = field(default_factory=dict)
    metrics: OtelWorkerMetrics = field(default_factory=_worker_metrics)

    def given(self, state: str, action: str, parameters: dict[str, Any] | None) -> None:
        self.alive = state != probe_pacts.STUCK
        self.draining = state == probe_pacts.DRAINING
        self.statuses = {
            "pubsub": UP,
            "repository": DOWN if state == probe_pacts.DATABASE_DOWN else UP,
            "cache": DOWN if state == probe_pacts.CACHE_DOWN else UP,
        }

    def readiness(self) -> HealthReport:
        probes = [
            FakeHealthProbe(name, status=status, optional=name == "cache", latency_ms=1.5)
            for name, status in self.statuses.items()
        ]
        return CheckHealthUseCase(probes=probes).execute()

    @contextmanager
    def sidecar(self) -> Iterator[HealthServer]:
        server = HealthServer(
            "127.0.0.1",
            0,
            liveness=lambda: self.alive,
            readiness=self.readiness,
            draining=lambda: self.draining,
            metrics=self.metrics.exposition,
        )
        server.start()
        try:
            yield server
        finally:
            server.stop()
