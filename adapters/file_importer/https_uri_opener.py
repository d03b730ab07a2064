import io
import ssl
from collections.abc import Iterable
from contextlib import AbstractContextManager
from http.client import HTTPException, HTTPResponse
from typing import BinaryIO
from urllib.error import HTTPError, URLError
from urllib.request import (
    HTTPDefaultErrorHandler,
    HTTPErrorProcessor,
    OpenerDirector,
    Request,
    UnknownHandler,
)

from adapters.file_importer.https_addresses import allowed_location, normalized_hosts
from adapters.file_importer.https_body_reader import HttpsBodyReader
from adapters.file_importer.https_deadline import HttpsDeadline
from adapters.file_importer.https_deadline_handler import HttpsDeadlineHandler
from adapters.file_importer.https_failures import status_error, unreachable_error
from adapters.file_importer.https_redirect_guard import HttpsRedirectGuard
from adapters.file_importer.uri_opener import UriOpener
from application.errors import (
    DependencyUnavailableError,
    SourceForbiddenError,
    SourceTooLargeError,
    SourceUnreadableError,
)

DEFAULT_TIMEOUT_SECONDS = 30.0
DEFAULT_DEADLINE_SECONDS = 300.0
DEFAULT_BUFFER_SIZE = 1024 * 1024
REQUEST_HEADERS = {"User-Agent": "import-worker", "Accept": "text/csv, text/plain;q=0.9, */*;q=0.1"}


class HttpsUriOpener(UriOpener):
    def __init__(
        self,
        *,
        allowed_hosts: Iterable[str],
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
        max_bytes: int | None = None,
        ssl_context: ssl.SSLContext | None = None,
        buffer_size: int = DEFAULT_BUFFER_SIZE,
    ) -> None:
        self._hosts = normalized_hosts(allowed_hosts)
        self._timeout_seconds = timeout_seconds
        self._deadline_seconds = deadline_seconds
        self._max_bytes = max_bytes
        self._buffer_size = buffer_size
        self._context = verifying(ssl_context or ssl.create_default_context())

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        if not self._hosts:
            raise SourceForbiddenError("https sources are refused: no allowed host is configured")
        location = allowed_location(uri, self._hosts)
        response = self._fetch(uri, location)
        if declares_more_than(response, self._max_bytes):
            response.close()
            raise SourceTooLargeError(f"{location} declares more than {self._max_bytes} bytes")
        body = HttpsBodyReader(response, location=location, max_bytes=self._max_bytes)
        return io.BufferedReader(body, self._buffer_size)

    def _fetch(self, uri: str, location: str) -> HTTPResponse:
        try:
            return self._answered(uri, location)
        except URLError as error:
            raise unreachable_error(error.reason, location) from error
        except OSError as error:
            raise DependencyUnavailableError(f"{location} did not answer: {error}") from error
        except HTTPException as error:
            raise SourceUnreadableError(f"{location} did not answer in HTTP") from error

    def _answered(self, uri: str, location: str) -> HTTPResponse:
        request = Request(uri, headers=REQUEST_HEADERS)
        try:
            response: HTTPResponse = self._director().open(request, timeout=self._timeout_seconds)
        except HTTPError as error:
            error.close()
            raise status_error(error.code, location) from error
        return response

    def _director(self) -> OpenerDirector:
        deadline = HttpsDeadline(self._deadline_seconds, per_wait_seconds=self._timeout_seconds)
        return https_director(
            HttpsDeadlineHandler(self._context, deadline),
            HttpsRedirectGuard(allowed_hosts=self._hosts),
        )


def verifying(context: ssl.SSLContext) -> ssl.SSLContext:
    if not context.check_hostname or context.verify_mode != ssl.CERT_REQUIRED:
        raise ValueError("https sources need a context that verifies certificates and host names")
    return context


def https_director(https: HttpsDeadlineHandler, redirects: HttpsRedirectGuard) -> OpenerDirector:
    director = OpenerDirector()
    for handler in (
        https,
        redirects,
        HTTPDefaultErrorHandler(),
        HTTPErrorProcessor(),
        UnknownHandler(),
    ):
        director.add_handler(handler)
    return director


def declares_more_than(response: HTTPResponse, max_bytes: int | None) -> bool:
    return max_bytes is not None and (response.length or 0) > max_bytes
