import ssl
from collections.abc import Mapping

from application.errors import (
    ApplicationError,
    DependencyUnavailableError,
    SourceForbiddenError,
    SourceNotFoundError,
    SourceUnreadableError,
)

STATUS_ERRORS: Mapping[int, type[ApplicationError]] = {
    401: SourceForbiddenError,
    403: SourceForbiddenError,
    404: SourceNotFoundError,
    410: SourceNotFoundError,
    429: DependencyUnavailableError,
}


def status_error(status: int, location: str) -> ApplicationError:
    if 300 <= status <= 399:
        return SourceUnreadableError(
            f"{location} answered HTTP {status} with no redirect to follow"
        )
    fallback = DependencyUnavailableError if 500 <= status <= 599 else SourceUnreadableError
    return STATUS_ERRORS.get(status, fallback)(f"{location} answered HTTP {status}")


def unreachable_error(reason: object, location: str) -> ApplicationError:
    if isinstance(reason, ssl.SSLCertVerificationError):
        return SourceUnreadableError(f"{location} presented a certificate that is not trusted")
    return DependencyUnavailableError(f"{location} could not be reached: {reason}")
