import threading
from collections.abc import Callable, Mapping

from adapters.security.expiring_token_verifier import ExpiringTokenVerifier, VerifiedToken
from application.errors import UnauthenticatedError


class FakeExpiringTokenVerifier(ExpiringTokenVerifier):
    """Accepts the tokens it knows until their expiry by the given clock; records every call."""

    def __init__(
        self, accepted: Mapping[str, VerifiedToken], *, clock: Callable[[], float]
    ) -> None:
        self._accepted = dict(accepted)
        self._clock = clock
        self._lock = threading.Lock()
        self.verified: list[str] = []
        self.withdrawn_keys: set[str | None] = set()

    def still_trusted(self, verified: VerifiedToken) -> bool:
        return verified.key_id not in self.withdrawn_keys

    def verify_with_expiry(self, token: str) -> VerifiedToken:
        with self._lock:
            self.verified.append(token)
        verified = self._accepted.get(token)
        if verified is None:
            raise UnauthenticatedError("unknown token")
        if verified.accepted_until <= self._clock():
            raise UnauthenticatedError("token expired")
        return verified
