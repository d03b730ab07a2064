import time
from contextlib import suppress
from collections.abc import Callable

import pytest

from shared.resilience.circuit_state import CircuitState
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings

RESET_SECONDS = 0.05
SETTINGS = PolicySettings(
    attempts=3,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=2,
    reset_seconds=RESET_SECONDS,
)


class Outage(Exception):
    pass


class Refused(Exception):
    pass


class Flaky:
    def __init__(self, *failures: Exception) -> None:
        self._failures = list(failures)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self._failures:
            raise self._failures.pop(0)
        return "answer"


def is_outage(error: BaseException) -> bool:
    return isinstance(error, Outage)


def policy(*listeners: Callable[[str, CircuitState], None]) -> DependencyPolicy:
    return DependencyPolicy(
        "store", SETTINGS, transient=is_outage, refused=Refused, listeners=listeners
    )


def tripped(sut: DependencyPolicy) -> DependencyPolicy:
    for _ in range(SETTINGS.failure_threshold):
        with suppress(Outage):
            sut.call(Flaky(Outage(), Outage(), Outage()))
    return sut


def test_should_retry_a_transient_failure_until_the_operation_succeeds() -> None:
    sut = policy()

    answer = sut.call(Flaky(Outage(), Outage()))

    assert answer == "answer"


def test_should_give_up_after_the_configured_attempts() -> None:
    sut = policy()
    operation = Flaky(Outage(), Outage(), Outage(), Outage())

    with suppress(Outage):
        sut.call(operation)

    assert operation.calls == SETTINGS.attempts


def test_should_not_retry_a_permanent_failure() -> None:
    sut = policy()
    operation = Flaky(ValueError("permanent"))

    with suppress(ValueError):
        sut.call(operation)

    assert operation.calls == 1


def test_should_open_the_circuit_after_the_threshold_of_failed_calls() -> None:
    sut = tripped(policy())

    state = sut.state

    assert state is CircuitState.OPEN


def test_should_refuse_calls_at_once_while_the_circuit_is_open() -> None:
    sut = tripped(policy())
    operation = Flaky()

    with pytest.raises(Refused, match="store is unavailable: its circuit is open"):
        sut.call(operation)


def test_should_not_count_permanent_failures_towards_opening() -> None:
    sut = policy()
    for _ in range(SETTINGS.failure_threshold + 1):
        with suppress(ValueError):
            sut.call(Flaky(ValueError("permanent")))

    state = sut.state

    assert state is CircuitState.CLOSED


def test_should_close_the_circuit_again_when_a_trial_after_the_reset_time_succeeds() -> None:
    sut = tripped(policy())
    time.sleep(RESET_SECONDS * 2)

    sut.call(Flaky())

    assert sut.state is CircuitState.CLOSED


def test_should_open_the_circuit_again_when_the_trial_fails() -> None:
    sut = tripped(policy())
    time.sleep(RESET_SECONDS * 2)

    with suppress(Outage):
        sut.call(Flaky(Outage(), Outage(), Outage()))

    assert sut.state is CircuitState.OPEN


def test_should_count_a_guarded_block_without_retrying_it() -> None:
    sut = policy()
    runs = []

    for _ in range(2):
        with suppress(Outage), sut.guarded():
            runs.append("ran")
            raise Outage()

    assert runs == ["ran", "ran"]


def test_should_refuse_a_guarded_block_while_the_circuit_is_open() -> None:
    sut = tripped(policy())

    with pytest.raises(Refused), sut.guarded():
        pass


def test_should_tell_every_listener_of_each_transition() -> None:
    seen: list[tuple[str, CircuitState]] = []
    sut = tripped(policy(lambda dependency, state: seen.append((dependency, state))))
    time.sleep(RESET_SECONDS * 2)

    sut.call(Flaky())

    assert seen == [
        ("store", CircuitState.OPEN),
        ("store", CircuitState.HALF_OPEN),
        ("store", CircuitState.CLOSED),
    ]


def test_should_name_its_dependency() -> None:
    sut = policy()

    name = sut.dependency

    assert name == "store"
