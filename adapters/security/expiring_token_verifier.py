import abc
from dataclasses import dataclass

from application.ports.token_verifier import TokenVerifier
from domain.auth.user_identity import UserIdentity


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifiedToken:
    identity: UserIdentity
    accepted_until: float
    key_id: str | None = None


class ExpiringTokenVerifier(TokenVerifier):
    """Also tells until when a token stays accepted, and whether its key is still trusted then."""

    def verify(self, token: str) -> UserIdentity:
        return self.verify_with_expiry(token).identity

    @abc.abstractmethod
    def still_trusted(self, verified: VerifiedToken) -> bool: ...

    @abc.abstractmethod
    def verify_with_expiry(self, token: str) -> VerifiedToken: ...
