import pytest
import requests
from google.api_core import exceptions
from google.auth.exceptions import RefreshError, TransportError

from adapters.file_importer.gcs_failures import opening_error, reading_error
from application.errors import (
    ApplicationError,
    DependencyUnavailableError,
    SourceForbiddenError,
    SourceNotFoundError,
    SourceUnreadableError,
)

LOCATION = "gs://exports/people.csv"
SHARED = {
    "forbidden": (exceptions.Forbidden("denied"), SourceForbiddenError),
    "unauthorized": (exceptions.Unauthorized("who"), SourceForbiddenError),
    "bad-request": (exceptions.BadRequest("bad"), SourceUnreadableError),
    "range": (exceptions.RequestRangeNotSatisfiable("range"), SourceUnreadableError),
    "timeout-408": (exceptions.from_http_status(408, "slow"), DependencyUnavailableError),
    "too-many": (exceptions.TooManyRequests("slow down"), DependencyUnavailableError),
    "server": (exceptions.ServiceUnavailable("down"), DependencyUnavailableError),
    "unknown-5xx": (exceptions.from_http_status(599, "odd"), DependencyUnavailableError),
    "no-status": (exceptions.GoogleAPICallError("none"), SourceUnreadableError),
    "retries-exhausted": (exceptions.RetryError("gave up", None), DependencyUnavailableError),
    "connection": (requests.ConnectionError("refused"), DependencyUnavailableError),
    "socket-timeout": (TimeoutError("read timed out"), DependencyUnavailableError),
    "auth-transport": (TransportError("metadata server"), DependencyUnavailableError),
    "auth-refresh": (RefreshError("token"), DependencyUnavailableError),
}
AT_OPEN = {
    **SHARED,
    "not-found": (exceptions.NotFound("gone"), SourceNotFoundError),
    "precondition": (exceptions.PreconditionFailed("changed"), SourceUnreadableError),
}
WHILE_READING = {
    **SHARED,
    "not-found": (exceptions.NotFound("gone"), DependencyUnavailableError),
    "precondition": (exceptions.PreconditionFailed("changed"), DependencyUnavailableError),
}


@pytest.mark.parametrize(("error", "expected"), AT_OPEN.values(), ids=AT_OPEN.keys())
def test_should_classify_a_failure_to_open_an_object(
    error: Exception, expected: type[ApplicationError]
) -> None:
    assert type(opening_error(error, LOCATION)) is expected


@pytest.mark.parametrize(("error", "expected"), WHILE_READING.values(), ids=WHILE_READING.keys())
def test_should_classify_a_failure_while_reading_an_object(
    error: Exception, expected: type[ApplicationError]
) -> None:
    assert type(reading_error(error, LOCATION)) is expected


def test_should_name_the_status_the_store_answered() -> None:
    message = str(opening_error(exceptions.ServiceUnavailable("down"), LOCATION))

    assert message == f"{LOCATION} could not be read: Cloud Storage answered HTTP 503"


def test_should_keep_the_library_message_and_its_urls_out_of_the_error() -> None:
    error = requests.ConnectionError("GET http://store/o/x?X-Goog-Signature=abc refused")

    message = str(opening_error(error, LOCATION))

    assert message == f"{LOCATION} could not be read: ConnectionError talking to Cloud Storage"
