import math

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_login import token_login
from adapters.security.vault_token_keeper import VaultTokenKeeper
from tests.fakes.stepping_clock import SteppingClock
from tests.support.vault_stand_in import VaultStandIn
from tests.support.vault_state import VaultState


def test_should_come_back_when_a_third_of_the_token_ttl_is_left(
    vault_client: HvacVaultClient, vault_clock: SteppingClock
) -> None:
    sut = VaultTokenKeeper(vault_client, clock=vault_clock)

    due = sut.maintain()

    assert due == 140


def test_should_renew_the_token_when_due(
    vault_client: HvacVaultClient, vault_clock: SteppingClock, vault: VaultStandIn
) -> None:
    sut = VaultTokenKeeper(vault_client, clock=vault_clock)
    sut.maintain()
    vault_clock.now = 140

    sut.maintain()

    assert vault.requests_seen.count(("POST", "/v1/auth/token/renew-self")) == 1


def test_should_log_in_again_when_the_renewal_reaches_the_max_ttl(
    vault_client: HvacVaultClient, vault_clock: SteppingClock, vault: VaultStandIn
) -> None:
    sut = VaultTokenKeeper(vault_client, clock=vault_clock)
    sut.maintain()
    vault_clock.now = 210

    sut.maintain()

    assert vault.requests_seen.count(("POST", "/v1/auth/approle/login")) == 2


def test_should_log_in_again_when_vault_refuses_the_renewal(
    vault_client: HvacVaultClient, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    sut = VaultTokenKeeper(vault_client, clock=vault_clock)
    sut.maintain()
    vault_state.tokens.clear()
    vault_clock.now = 140

    sut.maintain()

    assert vault_client.token_serial == 2


def test_should_look_a_token_that_does_not_renew_up_again(
    vault: VaultStandIn, vault_state: VaultState, vault_clock: SteppingClock
) -> None:
    token = vault_state.issue_token(ttl=60, renewable=False)
    client = HvacVaultClient(address=vault.address, login=token_login(token), clock=vault_clock)
    sut = VaultTokenKeeper(client, clock=vault_clock)
    sut.maintain()
    vault_clock.now = 150

    sut.maintain()

    assert vault.requests_seen.count(("GET", "/v1/auth/token/lookup-self")) == 2


def test_should_never_come_back_for_a_token_without_ttl(
    vault: VaultStandIn, vault_state: VaultState, vault_clock: SteppingClock
) -> None:
    token = vault_state.issue_token(ttl=0)
    client = HvacVaultClient(address=vault.address, login=token_login(token), clock=vault_clock)
    sut = VaultTokenKeeper(client, clock=vault_clock)

    due = sut.maintain()

    assert due == math.inf


def test_should_log_in_again_when_vault_says_the_token_does_not_renew(
    vault_client: HvacVaultClient, vault_clock: SteppingClock, vault_state: VaultState
) -> None:
    sut = VaultTokenKeeper(vault_client, clock=vault_clock)
    sut.maintain()
    for token in vault_state.tokens.values():
        token.renewable = False
    vault_clock.now = 140

    sut.maintain()

    assert vault_client.token_serial == 2


def test_should_log_in_again_once_renewals_no_longer_extend_the_token(
    vault_client: HvacVaultClient, vault_clock: SteppingClock, vault: VaultStandIn
) -> None:
    sut = VaultTokenKeeper(vault_client, clock=vault_clock)
    for moment in (100, 140, 190):
        vault_clock.now = moment
        sut.maintain()
    vault_clock.now = 210

    sut.maintain()

    assert vault.requests_seen.count(("POST", "/v1/auth/approle/login")) == 2
