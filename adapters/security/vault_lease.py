from dataclasses import dataclass

RENEW_WHEN_LEFT = 1 / 3


@dataclass(frozen=True, slots=True, kw_only=True)
class VaultLease:
    """A lease as Vault granted it, timed on the worker's monotonic clock. A duration of zero
    never expires (a root or periodic token without TTL)."""

    lease_id: str
    duration_seconds: float
    expires_at: float
    renewable: bool

    @classmethod
    def granted(
        cls, lease_id: str, *, duration_seconds: float, renewable: bool, now: float
    ) -> "VaultLease":
        return cls(
            lease_id=lease_id,
            duration_seconds=duration_seconds,
            expires_at=now + duration_seconds,
            renewable=renewable,
        )

    @property
    def expires(self) -> bool:
        return self.duration_seconds > 0

    @property
    def renew_at(self) -> float:
        return self.expires_at - self.duration_seconds * RENEW_WHEN_LEFT

    def expired(self, now: float) -> bool:
        return self.expires and now >= self.expires_at

    def renewed(self, duration_seconds: float, *, now: float) -> "VaultLease":
        """The same lease extended: its full duration stays the first one granted, so that a
        renewal Vault capped brings the next renewal closer."""
        return VaultLease(
            lease_id=self.lease_id,
            duration_seconds=self.duration_seconds,
            expires_at=now + duration_seconds,
            renewable=self.renewable,
        )
