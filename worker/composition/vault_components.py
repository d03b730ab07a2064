from functools import cached_property

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_database_credentials import VaultDatabaseCredentials
from adapters.security.vault_lease_renewal import Maintained, VaultLeaseRenewal
from adapters.security.vault_login import (
    VaultLogin,
    approle_login,
    kubernetes_login,
    token_login,
)
from adapters.security.vault_token_keeper import VaultTokenKeeper
from adapters.system.vault_probe import VaultProbe
from application.ports.secret_provider import SecretProvider
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from shared.resilience.dependency_policy import DependencyPolicy


class VaultComponents:
    """The Vault client (hvac loads only when VAULT_ADDR is set), the leased PostgreSQL
    credentials of VAULT_DATABASE_ROLE, the thread renewing them and the readiness probe."""

    def __init__(
        self, settings: Settings, *, files: SecretProvider, policy: DependencyPolicy
    ) -> None:
        self._settings = settings
        self._files = files
        self._policy = policy
        self.renewal: VaultLeaseRenewal | None = None

    @cached_property
    def client(self) -> HvacVaultClient:
        settings = self._settings
        return HvacVaultClient(
            address=str(settings.vault_addr),
            login=self._login(),
            verify=True if settings.vault_cacert is None else str(settings.vault_cacert),
            policy=self._policy,
        )

    @cached_property
    def database_credentials(self) -> VaultDatabaseCredentials | None:
        """Leased on first use and kept alive from then on by the renewal thread."""
        role = self._settings.vault_database_role
        if role is None:
            return None
        credentials = VaultDatabaseCredentials(self.client, role=role)
        kept: list[Maintained] = [VaultTokenKeeper(self.client), credentials]
        self.renewal = VaultLeaseRenewal(kept, on_close=credentials.close)
        self.renewal.start()
        return credentials

    def close(self) -> None:
        """Stops the renewal and revokes the leases it kept."""
        if self.renewal is not None:
            self.renewal.close()

    def probe(self, *, timeout_seconds: float) -> VaultProbe:
        return VaultProbe(
            self.client, leases=self.database_credentials, timeout_seconds=timeout_seconds
        )

    def _login(self) -> VaultLogin:
        settings = self._settings
        method = settings.vault_logins()[0]
        if method == "token":
            return token_login(self._secret("VAULT_TOKEN"))
        if method == "approle":
            return approle_login(str(settings.vault_role_id), self._secret("VAULT_SECRET_ID"))
        return kubernetes_login(
            str(settings.vault_kubernetes_role), settings.vault_kubernetes_token_path
        )

    def _secret(self, name: str) -> str:
        value = self._files.secret(name)
        if not value:
            raise ConfigurationError(f"{name} is empty")
        return value
