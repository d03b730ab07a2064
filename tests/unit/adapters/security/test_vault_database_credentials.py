from concurrent.futures import ThreadPoolExecutor

import pytest

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_database_credentials import VaultDatabaseCredentials
from adapters.security.vault_token_keeper import VaultTokenKeeper
from application.errors import DependencyUnavailableError
from tests.fakes.stepping_clock import SteppingClock
from tests.support.vault_stand_in import VaultStandIn
from tests.support.vault_state import VaultState


@pytest.fixture
def sut(vault_client: HvacVaultClient, vault_clock: SteppingClock) -> VaultDatabaseCredentials:
    return VaultDatabaseCredentials(vault_client, role="import-worker", clock=vault_clock)


def test_should_lease_credentials_on_first_use(
    sut: VaultDatabaseCredentials, vault_state: VaultState
) -> None:
    login = sut.acquire()

    assert vault_state.leases[login.lease].username == login.user


def test_should_give_every_connection_the_same_login_while_it_is_current(
    sut: VaultDatabaseCredentials,
) -> None:
    first = sut.acquire()

    second = sut.acquire()

    assert second == first


def test_should_come_back_when_a_third_of_the_lease_is_left(
    sut: VaultDatabaseCredentials,
) -> None:
    sut.acquire()

    due = sut.maintain()

    assert due == 120


def test_should_renew_the_lease_and_keep_the_login_current(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock
) -> None:
    login = sut.acquire()
    vault_clock.now = 120

    sut.maintain()

    assert sut.is_current(login) is True


def test_should_lease_new_credentials_when_renewal_reaches_the_max_ttl(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock
) -> None:
    login = sut.acquire()

    superseded(sut, vault_clock)

    assert sut.acquire().user != login.user


def test_should_lease_new_credentials_when_vault_refuses_the_renewal(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    login = sut.acquire()
    vault_state.leases.clear()
    vault_clock.now = 120

    sut.maintain()

    assert sut.is_current(login) is False


def superseded(sut: VaultDatabaseCredentials, clock: SteppingClock) -> None:
    for moment in (120, 140, 150):
        clock.now = moment
        sut.maintain()


def test_should_keep_a_superseded_lease_while_a_connection_holds_it(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    held = sut.acquire()
    superseded(sut, vault_clock)

    sut.maintain()

    assert held.lease in vault_state.leases


def test_should_revoke_a_superseded_lease_once_released(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    held = sut.acquire()
    superseded(sut, vault_clock)
    sut.release(held)

    sut.maintain()

    assert vault_state.revoked == [held.user]


def test_should_lease_new_credentials_when_the_token_was_replaced(
    vault_client: HvacVaultClient, sut: VaultDatabaseCredentials, vault_clock: SteppingClock
) -> None:
    login = sut.acquire()
    vault_clock.now = 210
    VaultTokenKeeper(vault_client, clock=vault_clock).maintain()

    sut.maintain()

    assert sut.is_current(login) is False


def test_should_call_the_credentials_lost_once_the_lease_expired_unreplaced(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    sut.acquire()
    vault_state.sealed = True
    vault_clock.now = 131

    lost = sut.lost()

    assert lost is True


def test_should_give_no_login_while_the_lease_is_lost(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    sut.acquire()
    vault_state.sealed = True
    vault_clock.now = 131

    with pytest.raises(DependencyUnavailableError):
        sut.acquire()


def test_should_lease_anew_once_vault_is_back_after_a_loss(
    sut: VaultDatabaseCredentials, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    sut.acquire()
    vault_clock.now = 131
    vault_state.tokens.clear()
    sut.maintain()

    lost = sut.lost()

    assert lost is False


def test_should_revoke_every_lease_it_holds_on_close(
    sut: VaultDatabaseCredentials, vault_state: VaultState
) -> None:
    sut.acquire()

    sut.close()

    assert vault_state.leases == {}


def test_should_close_even_when_vault_cannot_revoke(
    sut: VaultDatabaseCredentials, vault_state: VaultState
) -> None:
    login = sut.acquire()
    vault_state.sealed = True

    sut.close()

    assert sut.is_current(login) is False


def test_should_lease_once_however_many_connections_open_at_once(
    sut: VaultDatabaseCredentials, vault_state: VaultState
) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        logins = list(pool.map(lambda _: sut.acquire(), range(8)))

    assert {login.lease for login in logins} == set(vault_state.leases)


def test_should_close_without_a_lease(sut: VaultDatabaseCredentials, vault: VaultStandIn) -> None:
    sut.close()

    assert vault.requests_seen == []


def test_should_leave_the_store_unavailable_when_vault_refuses_credentials(
    vault_client: HvacVaultClient, vault_clock: SteppingClock
) -> None:
    sut = VaultDatabaseCredentials(vault_client, role="reporting", clock=vault_clock)

    with pytest.raises(DependencyUnavailableError, match="unknown role: reporting"):
        sut.acquire()
