import time
from typing import Protocol

from application.ports.health_probe import HealthProbe, ProbeResult
from domain.health.health_status import HealthStatus


class Serving(Protocol):
    def is_serving(self, *, timeout_seconds: float) -> bool: ...


class Leases(Protocol):
    def lost(self) -> bool: ...


class VaultProbe(HealthProbe):
    """Up while Vault serves; degraded while it does not but the leased secrets are still
    valid; down once a lease expired (the store is then unavailable)."""

    def __init__(self, vault: Serving, *, leases: Leases | None, timeout_seconds: float) -> None:
        self.name = "vault"
        self.optional = False
        self._vault = vault
        self._leases = leases
        self._timeout_seconds = timeout_seconds

    def check(self) -> ProbeResult:
        started = time.perf_counter()
        status = self._status()
        return ProbeResult(status=status, latency_ms=(time.perf_counter() - started) * 1000.0)

    def _status(self) -> HealthStatus:
        if self._leases is not None and self._leases.lost():
            return HealthStatus.DOWN
        if self._vault.is_serving(timeout_seconds=self._timeout_seconds):
            return HealthStatus.UP
        return HealthStatus.DEGRADED
