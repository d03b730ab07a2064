import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from adapters.security.expiring_token_verifier import ExpiringTokenVerifier, VerifiedToken
from application.ports.token_verifier import TokenVerifier
from domain.auth.user_identity import UserIdentity

DEFAULT_CAPACITY = 1024


class CachingTokenVerifier(TokenVerifier):
    """Remembers accepted tokens while unexpired and their key still trusted, at most capacity."""

    def __init__(
        self,
        verifier: ExpiringTokenVerifier,
        *,
        capacity: int = DEFAULT_CAPACITY,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if capacity < 1:
            raise ValueError("the token cache must hold at least one token")
        self._verifier = verifier
        self._capacity = capacity
        self._clock = clock
        self._lock = threading.Lock()
        self._accepted: OrderedDict[str, VerifiedToken] = OrderedDict()

    def verify(self, token: str) -> UserIdentity:
        cached = self._still_accepted(token)
        if cached is not None and self._verifier.still_trusted(cached):
            return cached.identity
        verified = self._verifier.verify_with_expiry(token)
        self._remember(token, verified)
        return verified.identity

    def _still_accepted(self, token: str) -> VerifiedToken | None:
        with self._lock:
            verified = self._accepted.pop(token, None)
            if verified is None or verified.accepted_until <= self._clock():
                return None
            self._accepted[token] = verified
            return verified

    def _remember(self, token: str, verified: VerifiedToken) -> None:
        with self._lock:
            self._accepted.pop(token, None)
            self._accepted[token] = verified
            if len(self._accepted) > self._capacity:
                self._accepted.popitem(last=False)
