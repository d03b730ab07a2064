from collections.abc import Callable, Mapping
from typing import Any, Protocol

from adapters.security.vault_reference import VaultReference
from application.ports.secret_provider import SecretProvider
from shared.configuration_error import ConfigurationError


class KeyValueReader(Protocol):
    def read_secret(self, mount: str, path: str) -> Mapping[str, Any]: ...


VaultClientFactory = Callable[[], KeyValueReader | None]


class VaultSecretProvider(SecretProvider):
    """A value `vault:<mount>/<path>#<field>` is that field of a KV version 2 secret, read once;
    any other value is the next provider's, as is."""

    def __init__(self, vault: VaultClientFactory, *, fallback: SecretProvider) -> None:
        self._vault = vault
        self._fallback = fallback
        self._read: dict[str, str] = {}

    def secret(self, name: str) -> str | None:
        value = self._fallback.secret(name)
        if value is None or not VaultReference.is_reference(value):
            return value
        if name not in self._read:
            self._read[name] = self._field(name, VaultReference.parse(name, value))
        return self._read[name]

    def _field(self, name: str, reference: VaultReference) -> str:
        vault = self._vault()
        if vault is None:
            raise ConfigurationError(f"{name} is a Vault reference, but VAULT_ADDR is not set")
        value = vault.read_secret(reference.mount, reference.path).get(reference.field)
        if not isinstance(value, str):
            raise ConfigurationError(f"{name}: {reference} names no text field")
        return value
