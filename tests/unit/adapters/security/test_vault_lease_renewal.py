import math
import threading

import pytest

from adapters.security.vault_lease_renewal import VaultLeaseRenewal
from application.errors import DependencyUnavailableError
from shared.configuration_error import ConfigurationError
from tests.fakes.stepping_clock import SteppingClock


class Kept:
    def __init__(self, due: float, *, failure: Exception | None = None) -> None:
        self.due = due
        self.failure = failure
        self.rounds = threading.Semaphore(0)

    def maintain(self) -> float:
        self.rounds.release()
        if self.failure is not None:
            raise self.failure
        return self.due


@pytest.mark.parametrize(
    ("dues", "wait"),
    [([130.0, 112.0], 12.0), ([100.0], 0.05), ([math.inf], 60.0), ([], 60.0)],
    ids=["earliest-due", "overdue", "never-due", "nothing-kept"],
)
def test_should_wait_until_the_earliest_renewal_within_bounds(
    dues: list[float], wait: float
) -> None:
    sut = VaultLeaseRenewal([Kept(due) for due in dues], clock=SteppingClock(100.0))

    waited = sut.run_once()

    assert waited == wait


@pytest.mark.parametrize(
    "failure",
    [DependencyUnavailableError("Vault could not renew"), ConfigurationError("refused")],
    ids=["vault-unavailable", "vault-refused"],
)
def test_should_try_again_after_a_while_when_vault_fails(failure: Exception) -> None:
    sut = VaultLeaseRenewal([Kept(0, failure=failure)], retry_seconds=3.0)

    waited = sut.run_once()

    assert waited == 3.0


def test_should_maintain_on_its_thread_until_closed() -> None:
    kept = Kept(0)
    sut = VaultLeaseRenewal([kept])
    sut.start()

    maintained = kept.rounds.acquire(timeout=5) and kept.rounds.acquire(timeout=5)
    sut.close()

    assert maintained is True


def test_should_revoke_what_it_kept_when_closed() -> None:
    closed = threading.Event()
    sut = VaultLeaseRenewal([], on_close=closed.set)

    sut.close()

    assert closed.is_set()
