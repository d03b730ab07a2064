from shared.resilience.circuit_state import CircuitState
from shared.resilience.circuit_watch import CircuitWatch


def test_should_tell_each_subscriber_of_a_transition() -> None:
    seen: list[tuple[str, str, CircuitState]] = []
    sut = CircuitWatch()
    sut.subscribe(lambda dependency, state: seen.append(("first", dependency, state)))
    sut.subscribe(lambda dependency, state: seen.append(("second", dependency, state)))

    sut("store", CircuitState.OPEN)

    assert seen == [("first", "store", CircuitState.OPEN), ("second", "store", CircuitState.OPEN)]


def test_should_tell_a_late_subscriber_of_later_transitions_only() -> None:
    seen: list[tuple[str, CircuitState]] = []
    sut = CircuitWatch()
    sut("store", CircuitState.OPEN)
    sut.subscribe(lambda dependency, state: seen.append((dependency, state)))

    sut("store", CircuitState.CLOSED)

    assert seen == [("store", CircuitState.CLOSED)]
