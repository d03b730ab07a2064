import abc
from dataclasses import dataclass

from application.ports.token_verifier import TokenVerifier
from domain.auth.user_identity import UserIdentity


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifiedToken:
    identity: UserIdentity
    accepted_until: float


class ExpiringTokenVerifier(TokenVerifier):
    """Also tells from which epoch second on the same token would be refused as expired."""

    def verify(self, token: str) -> UserIdentity:
        return self.verify_with_expiry(token).identity

    @abc.abstractmethod
    def verify_with_expiry(self, token: str) -> VerifiedToken: ...
