import abc

from domain.auth.user_identity import UserIdentity


class TokenVerifier(abc.ABC):
    """Verifies a bearer token; raises UnauthenticatedError for any token it cannot fully trust."""

    @abc.abstractmethod
    def verify(self, token: str) -> UserIdentity: ...
