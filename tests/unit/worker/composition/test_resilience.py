import logging
from contextlib import suppress

import pytest

from application.errors import DependencyUnavailableError
from shared.configuration import Settings
from shared.resilience.circuit_state import CircuitState
from worker.composition.resilience import Resilience, is_outage

SETTINGS = Settings(breaker_failure_threshold=1, retry_attempts=1, breaker_reset_seconds=60)


def test_should_build_one_policy_per_dependency() -> None:
    sut = Resilience(SETTINGS)

    again = sut.policy("store")

    assert again is sut.policy("store")


def test_should_build_another_policy_for_another_dependency() -> None:
    sut = Resilience(SETTINGS)

    other = sut.policy("redis")

    assert other is not sut.policy("store")


def test_should_refuse_calls_of_an_open_circuit_as_a_dependency_outage() -> None:
    sut = Resilience(SETTINGS).policy("store")
    with suppress(DependencyUnavailableError), sut.guarded():
        raise DependencyUnavailableError("database unreachable")

    with pytest.raises(DependencyUnavailableError, match="circuit is open"), sut.guarded():
        pass


def test_should_log_each_transition_of_every_policy(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="adapters.observability.circuit_transition_log")
    sut = Resilience(SETTINGS)

    sut.watch("store", CircuitState.OPEN)

    assert [record.getMessage() for record in caplog.records] == ["circuit.opened"]


@pytest.mark.parametrize(
    ("error", "transient"),
    [(DependencyUnavailableError("down"), True), (ValueError("bad"), False)],
    ids=["outage", "anything-else"],
)
def test_should_treat_only_a_dependency_outage_as_transient(
    error: Exception, transient: bool
) -> None:
    sut = is_outage

    judged = sut(error)

    assert judged is transient
