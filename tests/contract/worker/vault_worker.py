from dataclasses import dataclass, field
from pathlib import Path

from adapters.security.environment_secret_provider import EnvironmentSecretProvider
from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_database_credentials import VaultDatabaseCredentials
from adapters.security.vault_lease import VaultLease
from adapters.security.vault_login import (
    VaultLogin,
    approle_login,
    kubernetes_login,
    token_login,
)
from adapters.security.vault_secret_provider import VaultSecretProvider
from adapters.security.vault_token_keeper import VaultTokenKeeper
from adapters.system.vault_probe import VaultProbe
from application.ports.database_credentials import DatabaseLogin
from domain.health.health_status import HealthStatus
from tests.contract.worker.vault_pact import (
    APPROLE_ROLE_ID,
    APPROLE_SECRET_ID,
    KV_REFERENCE,
    ROLE,
    SERVICE_ACCOUNT_JWT,
    TOKEN,
)
from tests.fakes.stepping_clock import SteppingClock


@dataclass(frozen=True, slots=True, kw_only=True)
class VaultWorker:
    """The worker's Vault adapters, wired as the composition root wires them, with the names of
    the README's Secrets section and deploy/, pointed at Pact's mock server, on one clock."""

    address: str
    service_account_token: Path
    clock: SteppingClock = field(default_factory=lambda: SteppingClock(0.0))

    def client(self, login: VaultLogin | None = None) -> HvacVaultClient:
        return HvacVaultClient(
            address=self.address, login=login or token_login(TOKEN), clock=self.clock
        )

    def database_credentials(self) -> VaultDatabaseCredentials:
        return VaultDatabaseCredentials(self.client(), role=ROLE, clock=self.clock)


def own_token(worker: VaultWorker) -> VaultLease:
    return worker.client().token()


def approle_token(worker: VaultWorker) -> VaultLease:
    return worker.client(approle_login(APPROLE_ROLE_ID, APPROLE_SECRET_ID)).token()


def kubernetes_token(worker: VaultWorker) -> VaultLease:
    worker.service_account_token.write_text(f"{SERVICE_ACCOUNT_JWT}\n", encoding="utf-8")
    return worker.client(kubernetes_login(ROLE, worker.service_account_token)).token()


def token_renewed_when_due(worker: VaultWorker) -> float:
    keeper = VaultTokenKeeper(worker.client(), clock=worker.clock)
    worker.clock.now = keeper.maintain()
    return keeper.maintain()


def jwt_secret(worker: VaultWorker) -> str | None:
    given = EnvironmentSecretProvider({"AUTH_JWT_SECRET": KV_REFERENCE})
    return VaultSecretProvider(worker.client, fallback=given).secret("AUTH_JWT_SECRET")


def database_login(worker: VaultWorker) -> DatabaseLogin:
    return worker.database_credentials().acquire()


def lease_renewed_when_due(worker: VaultWorker) -> float:
    credentials = worker.database_credentials()
    credentials.acquire()
    worker.clock.now = credentials.maintain()
    return credentials.maintain()


def readiness(worker: VaultWorker) -> HealthStatus:
    return VaultProbe(worker.client(), leases=None, timeout_seconds=1.0).check().status
