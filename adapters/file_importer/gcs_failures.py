from google.api_core import exceptions
from google.auth.exceptions import GoogleAuthError

from application.errors import (
    ApplicationError,
    DependencyUnavailableError,
    SourceForbiddenError,
    SourceNotFoundError,
    SourceUnreadableError,
)

SOURCE_STORE_ERRORS = (exceptions.GoogleAPIError, GoogleAuthError, OSError)
DENIED = (exceptions.Forbidden, exceptions.Unauthorized)
VERSION_GONE = (exceptions.NotFound, exceptions.PreconditionFailed)
TRANSIENT = (exceptions.RetryError, GoogleAuthError, OSError)
TRANSIENT_STATUSES = frozenset({408, 429})


def opening_error(error: Exception, location: str) -> ApplicationError:
    if isinstance(error, exceptions.NotFound):
        return SourceNotFoundError(f"{location} does not exist")
    return source_store_error(error, location)


def reading_error(error: Exception, location: str) -> ApplicationError:
    if isinstance(error, VERSION_GONE):
        return DependencyUnavailableError(
            f"{location} changed while it was read: the version being read is gone;"
            " a retry reads it anew"
        )
    return source_store_error(error, location)


def source_store_error(error: Exception, location: str) -> ApplicationError:
    if isinstance(error, DENIED):
        return SourceForbiddenError(f"{location} may not be read: {described(error)}")
    if is_transient(error):
        return DependencyUnavailableError(f"{location} could not be read: {described(error)}")
    return SourceUnreadableError(f"{location} could not be read: {described(error)}")


def is_transient(error: Exception) -> bool:
    if isinstance(error, exceptions.GoogleAPICallError):
        return error.code is not None and (error.code in TRANSIENT_STATUSES or error.code >= 500)
    return isinstance(error, TRANSIENT)


def described(error: Exception) -> str:
    if isinstance(error, exceptions.GoogleAPICallError) and error.code is not None:
        return f"Cloud Storage answered HTTP {error.code}"
    return f"{type(error).__name__} talking to Cloud Storage"
