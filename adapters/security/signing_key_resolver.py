import abc

import jwt


class SigningKeyResolver(abc.ABC):
    """Finds the key for a token; raises UnauthenticatedError or DependencyUnavailableError."""

    @property
    @abc.abstractmethod
    def compatible_algorithms(self) -> frozenset[str]: ...

    @abc.abstractmethod
    def resolve(self, token: str) -> str | jwt.PyJWK: ...

    def trusts(self, key_id: str | None) -> bool:
        """Whether a token this resolver once verified with that key id may still be accepted."""
        return True
