from collections.abc import Callable

from shared.resilience.circuit_state import CircuitState

CircuitListener = Callable[[str, CircuitState], None]
