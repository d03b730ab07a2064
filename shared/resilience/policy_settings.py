from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicySettings:
    """How one dependency is retried and when its circuit opens."""

    attempts: int = 3
    first_backoff_seconds: float = 0.1
    max_backoff_seconds: float = 2.0
    failure_threshold: int = 5
    reset_seconds: float = 30.0
