import logging

from shared.resilience.circuit_state import CircuitState

logger = logging.getLogger(__name__)

TRANSITIONS = {
    CircuitState.OPEN: (logging.WARNING, "circuit.opened"),
    CircuitState.HALF_OPEN: (logging.INFO, "circuit.half_open"),
    CircuitState.CLOSED: (logging.INFO, "circuit.closed"),
}


def log_circuit_transition(dependency: str, state: CircuitState) -> None:
    level, event = TRANSITIONS[state]
    logger.log(level, event, extra={"dependency": dependency})
