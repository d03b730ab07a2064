from functools import cached_property

from adapters.observability.circuit_transition_log import log_circuit_transition
from application.errors import DependencyUnavailableError
from shared.configuration import Settings
from shared.resilience.circuit_watch import CircuitWatch
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings


class Resilience:
    """One retry-and-breaker policy per dependency, each built once, and the watch that hears
    their transitions: logged always, reported as metrics and acted on by the worker."""

    def __init__(self, settings: Settings) -> None:
        self._settings = PolicySettings(
            attempts=settings.retry_attempts,
            first_backoff_seconds=settings.retry_first_backoff_seconds,
            max_backoff_seconds=settings.retry_max_backoff_seconds,
            failure_threshold=settings.breaker_failure_threshold,
            reset_seconds=settings.breaker_reset_seconds,
        )
        self._policies: dict[str, DependencyPolicy] = {}

    @cached_property
    def watch(self) -> CircuitWatch:
        watch = CircuitWatch()
        watch.subscribe(log_circuit_transition)
        return watch

    def policy(self, dependency: str) -> DependencyPolicy:
        if dependency not in self._policies:
            self._policies[dependency] = DependencyPolicy(
                dependency,
                self._settings,
                transient=is_outage,
                refused=DependencyUnavailableError,
                listeners=[self.watch],
            )
        return self._policies[dependency]


def is_outage(error: BaseException) -> bool:
    return isinstance(error, DependencyUnavailableError)
