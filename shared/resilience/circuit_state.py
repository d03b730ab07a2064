from enum import IntEnum


class CircuitState(IntEnum):
    """A breaker's state as the import_worker_circuit_state metric reports it."""

    CLOSED = 0
    HALF_OPEN = 1
    OPEN = 2
