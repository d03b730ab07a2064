from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionFlow:
    """How much a subscriber holds at once, how long it keeps leases, how long a message it
    hands back stays away, and how long it probes."""

    max_messages: int = 10
    max_bytes: int = 100 * 1024 * 1024
    max_lease_seconds: float = 3600.0
    max_lease_extension_seconds: int = 60
    callback_threads: int = 10
    redelivery_delay_seconds: int = 0
    probe_timeout_seconds: float = 2.0
