from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import SecretStr

from adapters.security.environment_secret_provider import EnvironmentSecretProvider
from adapters.security.file_secret_provider import FileSecretProvider
from adapters.security.vault_secret_provider import VaultSecretProvider
from application.ports.database_credentials import DatabaseCredentials
from application.ports.health_probe import HealthProbe
from application.ports.secret_provider import SecretProvider
from shared.configuration import FILE_READABLE_SECRETS, Settings
from shared.resilience.dependency_policy import DependencyPolicy

if TYPE_CHECKING:
    from adapters.security.hvac_vault_client import HvacVaultClient
    from worker.composition.vault_components import VaultComponents


class SecretComponents:
    """Where each secret setting's value comes from: `<NAME>_FILE`, else the variable itself,
    which may be a `vault:` reference; plus, with VAULT_ADDR, Vault's own parts, calling Vault
    under the vault policy."""

    def __init__(self, settings: Settings, vault_policy: DependencyPolicy) -> None:
        self._settings = settings
        self._vault_policy = vault_policy

    @cached_property
    def files(self) -> SecretProvider:
        settings = self._settings
        given = {name: _plain(getattr(settings, name.lower())) for name in FILE_READABLE_SECRETS}
        paths = {name: getattr(settings, f"{name.lower()}_file") for name in FILE_READABLE_SECRETS}
        return FileSecretProvider(paths, fallback=EnvironmentSecretProvider(given))

    @cached_property
    def provider(self) -> SecretProvider:
        return VaultSecretProvider(self._vault_client, fallback=self.files)

    @cached_property
    def vault(self) -> "VaultComponents | None":
        if self._settings.vault_addr is None:
            return None
        from worker.composition.vault_components import VaultComponents

        return VaultComponents(self._settings, files=self.files, policy=self._vault_policy)

    @property
    def database_credentials(self) -> DatabaseCredentials | None:
        return None if self.vault is None else self.vault.database_credentials

    def close(self) -> None:
        if "vault" in self.__dict__ and self.vault is not None:
            self.vault.close()

    def probes(self, *, timeout_seconds: float) -> list[HealthProbe]:
        if self.vault is None:
            return []
        return [self.vault.probe(timeout_seconds=timeout_seconds)]

    def _vault_client(self) -> "HvacVaultClient | None":
        return None if self.vault is None else self.vault.client


def _plain(value: SecretStr | None) -> str | None:
    return None if value is None else value.get_secret_value()
