from domain.auth.user_identity import UserIdentity


class ApplicationError(Exception):
    code = "application_error"


class DependencyUnavailableError(ApplicationError):
    code = "dependency_unavailable"


class MessageRefusedError(ApplicationError):
    """The broker will never accept this message as it is (too large, malformed)."""

    code = "message_refused"


class ImportCancelledError(ApplicationError):
    code = "import_cancelled"


class ImportSourceError(ApplicationError):
    code = "source_unreadable"


class SourceNotFoundError(ImportSourceError):
    code = "source_not_found"


class SourceForbiddenError(ImportSourceError):
    code = "source_forbidden"


class SourceUnreadableError(ImportSourceError):
    code = "source_unreadable"


class InvalidEncodingError(ImportSourceError):
    code = "invalid_encoding"


class UnstorableRowError(ImportSourceError):
    """The store refuses a value or a key of the source (a limit of the store, not an outage)."""

    code = "unstorable_row"


class SourceTooLargeError(ImportSourceError):
    code = "source_too_large"


class AccessDeniedError(ApplicationError):
    code = "access_denied"

    def __init__(self, message: str, *, identity: UserIdentity | None = None) -> None:
        super().__init__(message)
        self.identity = identity


class UnauthenticatedError(AccessDeniedError):
    code = "unauthenticated"


class ForbiddenError(AccessDeniedError):
    code = "forbidden"
