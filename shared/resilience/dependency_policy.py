from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import pybreaker
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from shared.resilience.circuit_listener import CircuitListener
from shared.resilience.circuit_state import CircuitState
from shared.resilience.policy_settings import PolicySettings

Result = TypeVar("Result")
STATES = {
    pybreaker.STATE_CLOSED: CircuitState.CLOSED,
    pybreaker.STATE_HALF_OPEN: CircuitState.HALF_OPEN,
    pybreaker.STATE_OPEN: CircuitState.OPEN,
}


class DependencyPolicy:
    """One dependency's resilience: a retry (exponential backoff with jitter, transient failures
    only) inside a circuit breaker that opens after consecutive transient failures, refuses calls
    while open, and lets one call through after reset_seconds to try the dependency again."""

    def __init__(
        self,
        dependency: str,
        settings: PolicySettings,
        *,
        transient: Callable[[BaseException], bool],
        refused: Callable[[str], Exception],
        listeners: Sequence[CircuitListener] = (),
    ) -> None:
        self.dependency = dependency
        self._refused = refused
        self._breaker = pybreaker.CircuitBreaker(
            fail_max=settings.failure_threshold,
            reset_timeout=settings.reset_seconds,
            exclude=[lambda error: not transient(error)],
            listeners=[StateReporter(dependency, listeners)],
            name=dependency,
            throw_new_error_on_trip=False,
        )
        self._retrying = Retrying(
            stop=stop_after_attempt(settings.attempts),
            wait=wait_random_exponential(
                multiplier=settings.first_backoff_seconds, max=settings.max_backoff_seconds
            ),
            retry=retry_if_exception(transient),
            reraise=True,
        )

    @property
    def state(self) -> CircuitState:
        return STATES[self._breaker.current_state]

    def call(self, operation: Callable[[], Result]) -> Result:
        """Runs an operation that may be repeated: retried, then counted by the breaker."""
        with self.guarded():
            return self.retry(operation)

    def retry(self, operation: Callable[[], Result]) -> Result:
        """Repeats an operation on transient failures, inside a block guarded() counts."""
        return self._retrying(operation)

    @contextmanager
    def guarded(self) -> Iterator[None]:
        """Runs a block that may not be repeated (a transaction, a stream): counted, not retried."""
        try:
            with self._breaker.calling():
                yield
        except pybreaker.CircuitBreakerError as error:
            message = f"{self.dependency} is unavailable: its circuit is open"
            raise self._refused(message) from error


class StateReporter(pybreaker.CircuitBreakerListener):
    def __init__(self, dependency: str, listeners: Sequence[CircuitListener]) -> None:
        self._dependency = dependency
        self._listeners = listeners

    def state_change(
        self,
        cb: pybreaker.CircuitBreaker,
        old_state: pybreaker.CircuitBreakerState | None,
        new_state: pybreaker.CircuitBreakerState,
    ) -> None:
        for listener in self._listeners:
            listener(self._dependency, STATES[new_state.name])
