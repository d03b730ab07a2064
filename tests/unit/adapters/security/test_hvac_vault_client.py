from pathlib import Path

import pytest

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_lease import VaultLease
from adapters.security.vault_login import approle_login, kubernetes_login, token_login
from adapters.security.vault_refused_error import VaultRefusedError
from application.errors import DependencyUnavailableError
from shared.configuration_error import ConfigurationError
from tests.fakes.stepping_clock import SteppingClock
from tests.support.vault_stand_in import VaultStandIn
from tests.support.vault_state import VaultState
from tests.support.vault_fixtures import SERVICE_ACCOUNT_JWT

UNREACHABLE = "http://127.0.0.1:1"


def client(vault: VaultStandIn, clock: SteppingClock, login: object) -> HvacVaultClient:
    return HvacVaultClient(
        address=vault.address, login=login, clock=clock  # type: ignore[arg-type]
    )


def test_should_log_in_with_approle_for_the_token_ttl(
    vault_client: HvacVaultClient, vault_clock: SteppingClock
) -> None:
    token = vault_client.token()

    assert token == VaultLease(
        lease_id="auth/token/self", duration_seconds=60, expires_at=160, renewable=True
    )


def test_should_log_in_once_for_every_call(
    vault_client: HvacVaultClient, vault: VaultStandIn
) -> None:
    vault_client.read_secret("secret", "import-worker")

    vault_client.read_secret("secret", "import-worker")

    assert vault.requests_seen.count(("POST", "/v1/auth/approle/login")) == 1


def test_should_log_in_with_the_service_account_token_read_from_its_file(
    vault: VaultStandIn, vault_clock: SteppingClock, tmp_path: Path
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(SERVICE_ACCOUNT_JWT + "\n", encoding="utf-8")
    sut = client(vault, vault_clock, kubernetes_login("import-worker", token_file))

    token = sut.token()

    assert token.duration_seconds == 60


def test_should_refuse_a_kubernetes_login_without_its_token_file(
    vault: VaultStandIn, vault_clock: SteppingClock, tmp_path: Path
) -> None:
    sut = client(vault, vault_clock, kubernetes_login("import-worker", tmp_path / "absent"))

    with pytest.raises(ConfigurationError, match="VAULT_KUBERNETES_TOKEN_PATH"):
        sut.token()


@pytest.mark.parametrize(
    ("login", "message"),
    [
        (approle_login("import-worker-role", "wrong"), "invalid role or secret ID"),
        (token_login("hvs.unknown"), "permission denied"),
    ],
    ids=["approle", "token"],
)
def test_should_report_a_refused_login_with_vaults_reason(
    vault: VaultStandIn, vault_clock: SteppingClock, login: object, message: str
) -> None:
    sut = client(vault, vault_clock, login)

    with pytest.raises(VaultRefusedError, match=message):
        sut.token()


def test_should_refuse_a_kubernetes_login_with_a_token_vault_does_not_accept(
    vault: VaultStandIn, vault_clock: SteppingClock, tmp_path: Path
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("another-token", encoding="utf-8")
    sut = client(vault, vault_clock, kubernetes_login("import-worker", token_file))

    with pytest.raises(VaultRefusedError, match="permission denied"):
        sut.token()


def test_should_learn_the_ttl_of_a_given_token_from_lookup_self(
    vault: VaultStandIn, vault_state: VaultState, vault_clock: SteppingClock
) -> None:
    sut = client(vault, vault_clock, token_login(vault_state.issue_token(ttl=0)))

    token = sut.token()

    assert token.expires is False


def test_should_renew_its_token(vault_client: HvacVaultClient, vault_clock: SteppingClock) -> None:
    vault_client.token()
    vault_clock.now += 30

    renewed = vault_client.renew_token()

    assert renewed.expires_at == 190


def test_should_lease_database_credentials(vault_client: HvacVaultClient) -> None:
    login = vault_client.database_login("import-worker")

    assert login.user.startswith("v-approle-import-wor")


def test_should_keep_the_leased_password_out_of_the_representation(
    vault_client: HvacVaultClient,
) -> None:
    login = vault_client.database_login("import-worker")

    assert login.password not in repr(login)


def test_should_renew_a_lease(vault_client: HvacVaultClient, vault_clock: SteppingClock) -> None:
    lease = vault_client.database_login("import-worker").lease
    vault_clock.now += 20

    renewed = vault_client.renew_lease(lease)

    assert renewed.expires_at == 150


def test_should_revoke_a_lease(vault_client: HvacVaultClient, vault_state: VaultState) -> None:
    login = vault_client.database_login("import-worker")

    vault_client.revoke_lease(login.lease)

    assert vault_state.revoked == [login.user]


def test_should_refuse_to_renew_a_revoked_lease(vault_client: HvacVaultClient) -> None:
    lease = vault_client.database_login("import-worker").lease
    vault_client.revoke_lease(lease)

    with pytest.raises(VaultRefusedError, match="lease not found"):
        vault_client.renew_lease(lease)


def test_should_refuse_credentials_of_an_unknown_role(vault_client: HvacVaultClient) -> None:
    with pytest.raises(VaultRefusedError, match="unknown role: reporting"):
        vault_client.database_login("reporting")


def test_should_call_an_unreachable_vault_unavailable(vault_clock: SteppingClock) -> None:
    sut = HvacVaultClient(address=UNREACHABLE, login=token_login("hvs.x"), clock=vault_clock)

    with pytest.raises(DependencyUnavailableError, match="ConnectionError"):
        sut.token()


def test_should_call_a_reply_it_cannot_read_unavailable(
    vault: VaultStandIn, vault_clock: SteppingClock
) -> None:
    def unreadable(client: object, now: float) -> VaultLease:
        raise KeyError("auth")

    sut = client(vault, vault_clock, unreadable)

    with pytest.raises(DependencyUnavailableError, match="KeyError"):
        sut.token()


@pytest.mark.parametrize(
    ("sealed", "serving"), [(False, True), (True, False)], ids=["up", "sealed"]
)
def test_should_tell_whether_vault_serves(
    vault_client: HvacVaultClient, vault_state: VaultState, sealed: bool, serving: bool
) -> None:
    vault_state.sealed = sealed

    answer = vault_client.is_serving(timeout_seconds=1)

    assert answer is serving


def test_should_tell_an_unreachable_vault_does_not_serve(vault_clock: SteppingClock) -> None:
    sut = HvacVaultClient(address=UNREACHABLE, login=token_login("hvs.x"), clock=vault_clock)

    answer = sut.is_serving(timeout_seconds=1)

    assert answer is False
