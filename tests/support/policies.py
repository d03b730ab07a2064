from application.errors import DependencyUnavailableError
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings
from worker.composition.resilience import is_outage

QUICK = PolicySettings(
    attempts=1,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=1000,
    reset_seconds=60.0,
)


def quick_policy(dependency: str = "test", settings: PolicySettings = QUICK) -> DependencyPolicy:
    """A policy that neither retries nor opens in a test's lifetime, unless settings say so."""
    return DependencyPolicy(
        dependency, settings, transient=is_outage, refused=DependencyUnavailableError
    )
