import threading

from shared.resilience.circuit_listener import CircuitListener
from shared.resilience.circuit_state import CircuitState


class CircuitWatch:
    """Hears every breaker's transitions and tells whoever subscribed, whenever they did."""

    def __init__(self) -> None:
        self._listeners: list[CircuitListener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: CircuitListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def __call__(self, dependency: str, state: CircuitState) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(dependency, state)
