import logging

import pytest

from adapters.observability.circuit_transition_log import log_circuit_transition
from shared.resilience.circuit_state import CircuitState


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (CircuitState.OPEN, ("circuit.opened", "WARNING", "store")),
        (CircuitState.HALF_OPEN, ("circuit.half_open", "INFO", "store")),
        (CircuitState.CLOSED, ("circuit.closed", "INFO", "store")),
    ],
    ids=["opened", "half-open", "closed"],
)
def test_should_log_every_transition_with_its_dependency(
    caplog: pytest.LogCaptureFixture, state: CircuitState, expected: tuple[str, str, str]
) -> None:
    caplog.set_level(logging.INFO, logger="adapters.observability.circuit_transition_log")

    log_circuit_transition("store", state)

    assert [
        (record.getMessage(), record.levelname, record.__dict__["dependency"])
        for record in caplog.records
    ] == [expected]
