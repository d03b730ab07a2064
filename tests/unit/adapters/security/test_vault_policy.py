from contextlib import suppress

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_login import approle_login
from application.errors import DependencyUnavailableError
from shared.resilience.circuit_state import CircuitState
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings
from tests.fakes.stepping_clock import SteppingClock
from tests.support.policies import quick_policy
from tests.support.vault_fixtures import ROLE_ID, SECRET_ID
from tests.support.vault_stand_in import VaultStandIn

OPENING = PolicySettings(
    attempts=1,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=1,
    reset_seconds=60.0,
)
RETRYING = PolicySettings(
    attempts=3,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=1000,
    reset_seconds=60.0,
)
LOGIN = ("POST", "/v1/auth/approle/login")


def guarded_client(
    vault: VaultStandIn, clock: SteppingClock, policy: DependencyPolicy
) -> HvacVaultClient:
    return HvacVaultClient(
        address=vault.address, login=approle_login(ROLE_ID, SECRET_ID), clock=clock, policy=policy
    )


def test_should_open_the_vault_circuit_when_vault_keeps_failing(
    vault: VaultStandIn, vault_clock: SteppingClock
) -> None:
    vault.state.sealed = True
    policy = quick_policy("vault", OPENING)
    with suppress(DependencyUnavailableError):
        guarded_client(vault, vault_clock, policy).read_secret("secret", "import-worker")

    assert policy.state is CircuitState.OPEN


def test_should_not_call_vault_while_the_vault_circuit_is_open(
    vault: VaultStandIn, vault_clock: SteppingClock
) -> None:
    vault.state.sealed = True
    sut = guarded_client(vault, vault_clock, quick_policy("vault", OPENING))
    with suppress(DependencyUnavailableError):
        sut.login()
    with suppress(DependencyUnavailableError):
        sut.read_secret("secret", "import-worker")

    assert vault.requests_seen.count(LOGIN) == 1


def test_should_retry_a_vault_call_that_failed_for_an_outage(
    vault: VaultStandIn, vault_clock: SteppingClock
) -> None:
    vault.state.sealed = True
    with suppress(DependencyUnavailableError):
        guarded_client(vault, vault_clock, quick_policy("vault", RETRYING)).login()

    assert vault.requests_seen.count(LOGIN) == 3


def test_should_read_a_secret_through_a_closed_vault_circuit(
    vault: VaultStandIn, vault_clock: SteppingClock
) -> None:
    sut = guarded_client(vault, vault_clock, quick_policy("vault", OPENING))

    secret = sut.read_secret("secret", "import-worker")

    assert secret["port"] == 5432
