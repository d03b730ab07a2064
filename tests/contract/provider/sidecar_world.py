from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import SecretStr

from adapters.observability.otel_worker_metrics import OtelWorkerMetrics
from adapters.system.vault_probe import VaultProbe
from application.ports.health_probe import HealthProbe
from application.use_cases.check_health import CheckHealthUseCase, HealthReport
from domain.health.health_status import HealthStatus
from shared.configuration import Settings
from tests.contract.consumers import probe_pacts
from tests.fakes.fake_health_probe import FakeHealthProbe
from worker.composition.telemetry_components import TelemetryComponents
from worker.health.health_server import HealthServer
from worker.health.reported_readiness import ReportedReadiness

UP = HealthStatus.UP
DOWN = HealthStatus.DOWN
SETTINGS = Settings(database_url=SecretStr("memory://"), otel_exporter_otlp_endpoint=None)


def _worker_metrics() -> OtelWorkerMetrics:
    return TelemetryComponents(SETTINGS).metrics


@dataclass
class SidecarWorld:
    """The dependencies the health sidecar reports on, put in the state a pact names. It is also
    the Vault that the worker's Vault probe asks, and the leased credentials it checks."""

    alive: bool = True
    draining: bool = False
    vault_serving: bool = True
    statuses: dict[str, HealthStatus] = field(default_factory=dict)
    metrics: OtelWorkerMetrics = field(default_factory=_worker_metrics)

    def given(self, state: str, action: str, parameters: dict[str, Any] | None) -> None:
        self.alive = state != probe_pacts.STUCK
        self.draining = state == probe_pacts.DRAINING
        self.vault_serving = state != probe_pacts.VAULT_UNREACHABLE
        self.statuses = {
            "pubsub": UP,
            "repository": DOWN if state == probe_pacts.DATABASE_DOWN else UP,
            "cache": DOWN if state == probe_pacts.CACHE_DOWN else UP,
        }

    def is_serving(self, *, timeout_seconds: float) -> bool:
        return self.vault_serving

    def lost(self) -> bool:
        return False

    def readiness(self) -> HealthReport:
        probes: list[HealthProbe] = [
            FakeHealthProbe(name, status=status, optional=name == "cache", latency_ms=1.5)
            for name, status in self.statuses.items()
        ]
        probes.append(VaultProbe(self, leases=self, timeout_seconds=0.5))
        return CheckHealthUseCase(probes=probes).execute()

    @contextmanager
    def sidecar(self) -> Iterator[HealthServer]:
        server = HealthServer(
            "127.0.0.1",
            0,
            liveness=lambda: self.alive,
            readiness=ReportedReadiness(check=self.readiness, gauge=self.metrics),
            draining=lambda: self.draining,
            metrics=self.metrics.exposition,
        )
        server.start()
        try:
            yield server
        finally:
            server.stop()
