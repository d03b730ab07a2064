from application.errors import ForbiddenError, UnauthenticatedError
from application.ports.token_verifier import TokenVerifier
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole

ANONYMOUS_IMPORTER = UserIdentity(subject="anonymous", roles=frozenset({UserRole.IMPORTER}))
BEARER_SCHEME = "bearer"


class AuthService:
    """Maps an `authorization` attribute to an identity that may import; else AccessDeniedError."""

    def __init__(
        self, verifier: TokenVerifier | None, *, anonymous: UserIdentity = ANONYMOUS_IMPORTER
    ) -> None:
        self._verifier = verifier
        self._anonymous = anonymous

    def authenticate(self, authorization: str | None) -> UserIdentity:
        if self._verifier is None:
            return self._anonymous
        return self._verifier.verify(_bearer_token(authorization))

    def authorize(self, authorization: str | None) -> UserIdentity:
        identity = self.authenticate(authorization)
        if not identity.may_import:
            raise ForbiddenError(
                f"subject {identity.subject!r} has no role that may import", identity=identity
            )
        return identity


def _bearer_token(authorization: str | None) -> str:
    if authorization is None:
        raise UnauthenticatedError("missing authorization attribute")
    parts = authorization.strip().split(" ")
    if len(parts) != 2 or parts[0].lower() != BEARER_SCHEME or not parts[1]:
        raise UnauthenticatedError("authorization attribute is not 'Bearer <token>'")
    return parts[1]
