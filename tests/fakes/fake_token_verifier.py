from collections.abc import Mapping

from application.errors import DependencyUnavailableError, UnauthenticatedError
from application.ports.token_verifier import TokenVerifier
from domain.auth.user_identity import UserIdentity


class FakeTokenVerifier(TokenVerifier):

    def __init__(
        self, identities: Mapping[str, UserIdentity] | None = None, *, unavailable: bool = False
    ) -> None:
        self._identities = dict(identities or {})
        self._unavailable = unavailable
        self.verified: list[str] = []

    def verify(self, token: str) -> UserIdentity:
        self.verified.append(token)
        if self._unavailable:
            raise DependencyUnavailableError("token keys unavailable")
        if token not in self._identities:
            raise UnauthenticatedError("unknown token")
        return self._identities[token]
