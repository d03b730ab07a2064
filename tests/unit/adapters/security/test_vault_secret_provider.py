import pytest

from adapters.security.environment_secret_provider import EnvironmentSecretProvider
from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_secret_provider import VaultSecretProvider
from application.errors import DependencyUnavailableError
from shared.configuration_error import ConfigurationError
from tests.support.vault_stand_in import VaultStandIn
from tests.support.vault_state import VaultState
from tests.support.vault_fixtures import JWT_SECRET


def provider(vault: HvacVaultClient | None, value: str) -> VaultSecretProvider:
    given = EnvironmentSecretProvider({"AUTH_JWT_SECRET": value})
    return VaultSecretProvider(lambda: vault, fallback=given)


def test_should_read_a_field_of_a_kv_version_2_secret(vault_client: HvacVaultClient) -> None:
    sut = provider(vault_client, "vault:secret/import-worker#jwt_secret")

    value = sut.secret("AUTH_JWT_SECRET")

    assert value == JWT_SECRET


def test_should_read_a_reference_from_vault_once(
    vault_client: HvacVaultClient, vault: VaultStandIn
) -> None:
    sut = provider(vault_client, "vault:secret/import-worker#jwt_secret")
    sut.secret("AUTH_JWT_SECRET")

    sut.secret("AUTH_JWT_SECRET")

    assert vault.requests_seen.count(("GET", "/v1/secret/data/import-worker")) == 1


@pytest.mark.parametrize(
    "value", ["plain-value-of-32-bytes-or-more!!", None], ids=["plain", "unset"]
)
def test_should_give_any_other_value_as_is(value: str | None) -> None:
    given = EnvironmentSecretProvider({"AUTH_JWT_SECRET": value})
    sut = VaultSecretProvider(lambda: None, fallback=given)

    read = sut.secret("AUTH_JWT_SECRET")

    assert read == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("vault:secret#jwt_secret", "AUTH_JWT_SECRET: a Vault reference reads vault:<mount>"),
        ("vault:secret/import-worker#missing", "names no text field"),
        ("vault:secret/import-worker#port", "names no text field"),
        ("vault:secret/elsewhere#jwt_secret", "Vault refused to read secret/elsewhere"),
        ("vault:kv/import-worker#jwt_secret", "no handler for route"),
    ],
    ids=["malformed", "missing-field", "field-not-text", "missing-secret", "unknown-mount"],
)
def test_should_refuse_a_reference_that_names_no_text(
    vault_client: HvacVaultClient, value: str, message: str
) -> None:
    sut = provider(vault_client, value)

    with pytest.raises(ConfigurationError, match=message):
        sut.secret("AUTH_JWT_SECRET")


def test_should_refuse_a_reference_without_a_vault() -> None:
    sut = provider(None, "vault:secret/import-worker#jwt_secret")

    with pytest.raises(ConfigurationError, match="VAULT_ADDR is not set"):
        sut.secret("AUTH_JWT_SECRET")


def test_should_call_a_sealed_vault_unavailable(
    vault_client: HvacVaultClient, vault_state: VaultState
) -> None:
    vault_state.sealed = True
    sut = provider(vault_client, "vault:secret/import-worker#jwt_secret")

    with pytest.raises(DependencyUnavailableError, match="Vault is sealed"):
        sut.secret("AUTH_JWT_SECRET")
