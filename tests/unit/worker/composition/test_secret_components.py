from pathlib import Path

import pytest

from adapters.system.vault_probe import VaultProbe
from application.ports.database_credentials import DatabaseCredentials
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from tests.support.vault_fixtures import JWT_SECRET, ROLE_ID, SECRET_ID, SERVICE_ACCOUNT_JWT
from tests.support.vault_stand_in import VaultStandIn
from tests.support.vault_state import VaultState
from tests.unit.shared.settings_environment import clear_settings_environment
from worker.bootstrap import bootstrap
from worker.composition.components import Components

REFERENCE = "vault:secret/import-worker#jwt_secret"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_settings_environment(monkeypatch)


def components(monkeypatch: pytest.MonkeyPatch, **variables: str) -> Components:
    for name, value in variables.items():
        monkeypatch.setenv(name.upper(), value)
    return bootstrap(Settings())


def test_should_read_a_vault_reference_with_a_given_token(
    monkeypatch: pytest.MonkeyPatch, vault: VaultStandIn, vault_state: VaultState
) -> None:
    sut = components(
        monkeypatch,
        vault_addr=vault.address,
        vault_token=vault_state.issue_token(ttl=0),
        auth_jwt_secret=REFERENCE,
    )

    value = sut.secret("AUTH_JWT_SECRET")

    assert value == JWT_SECRET


def test_should_log_in_with_approle_reading_the_secret_id_from_its_file(
    monkeypatch: pytest.MonkeyPatch, vault: VaultStandIn, tmp_path: Path
) -> None:
    secret_id = tmp_path / "secret-id"
    secret_id.write_text(SECRET_ID + "\n", encoding="utf-8")
    sut = components(
        monkeypatch,
        vault_addr=vault.address,
        vault_role_id=ROLE_ID,
        vault_secret_id_file=str(secret_id),
        auth_jwt_secret=REFERENCE,
    )

    value = sut.secret("AUTH_JWT_SECRET")

    assert value == JWT_SECRET


def test_should_log_in_with_the_kubernetes_service_account_token(
    monkeypatch: pytest.MonkeyPatch, vault: VaultStandIn, tmp_path: Path
) -> None:
    token = tmp_path / "token"
    token.write_text(SERVICE_ACCOUNT_JWT, encoding="utf-8")
    sut = components(
        monkeypatch,
        vault_addr=vault.address,
        vault_kubernetes_role="import-worker",
        vault_kubernetes_token_path=str(token),
        auth_jwt_secret=REFERENCE,
    )

    value = sut.secret("AUTH_JWT_SECRET")

    assert value == JWT_SECRET


def test_should_refuse_an_empty_vault_token_file(
    monkeypatch: pytest.MonkeyPatch, vault: VaultStandIn, tmp_path: Path
) -> None:
    token = tmp_path / "token"
    token.write_text("\n", encoding="utf-8")
    sut = components(
        monkeypatch,
        vault_addr=vault.address,
        vault_token_file=str(token),
        auth_jwt_secret=REFERENCE,
    )

    with pytest.raises(ConfigurationError, match="VAULT_TOKEN is empty"):
        sut.secret("AUTH_JWT_SECRET")


def test_should_verify_tokens_with_a_secret_read_from_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    secret = tmp_path / "jwt-secret"
    secret.write_text(JWT_SECRET + "\n", encoding="utf-8")
    sut = components(monkeypatch, auth_jwt_secret_file=str(secret))

    issuer = sut.token_issuer

    assert issuer.issue(subject="ada", roles=["importer"]).count(".") == 2


def test_should_name_the_database_url_whatever_file_gave_a_bad_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = tmp_path / "database-url"
    url.write_text("mysql://app@db/app", encoding="utf-8")
    sut = components(monkeypatch, database_url_file=str(url))

    with pytest.raises(ConfigurationError, match="DATABASE_URL: unsupported database URL"):
        sut.uow


def test_should_probe_no_vault_when_none_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    sut = components(monkeypatch)

    probes = sut.secrets.probes(timeout_seconds=1)

    assert probes == []


def test_should_probe_the_configured_vault(
    monkeypatch: pytest.MonkeyPatch, vault: VaultStandIn, vault_state: VaultState
) -> None:
    sut = components(
        monkeypatch, vault_addr=vault.address, vault_token=vault_state.issue_token(ttl=0)
    )

    probes = sut.secrets.probes(timeout_seconds=1)

    assert [type(probe) for probe in probes] == [VaultProbe]


def test_should_lease_database_credentials_for_the_store_and_revoke_them_when_closed(
    monkeypatch: pytest.MonkeyPatch, vault: VaultStandIn, vault_state: VaultState
) -> None:
    sut = components(
        monkeypatch,
        vault_addr=vault.address,
        vault_token=vault_state.issue_token(ttl=0),
        vault_database_role="import-worker",
        database_url="postgresql://127.0.0.1:1/unreachable",
    )
    leased(sut).acquire()

    sut.close()

    assert vault_state.leases == {}


def leased(sut: Components) -> DatabaseCredentials:
    credentials = sut.secrets.database_credentials
    if credentials is None:
        pytest.fail("no leased credentials")
    return credentials


def test_should_close_the_secrets_of_a_program_without_vault(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sut = components(monkeypatch)
    sut.secret("DATABASE_URL")

    sut.close()

    assert sut.secrets.vault is None


def test_should_close_a_vault_that_leased_nothing(
    monkeypatch: pytest.MonkeyPatch, vault: VaultStandIn, vault_state: VaultState
) -> None:
    sut = components(
        monkeypatch,
        vault_addr=vault.address,
        vault_token=vault_state.issue_token(ttl=0),
        auth_jwt_secret=REFERENCE,
    )
    sut.secret("AUTH_JWT_SECRET")

    sut.close()

    assert vault.requests_seen.count(("PUT", "/v1/sys/leases/revoke")) == 0
