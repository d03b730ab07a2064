import io
from http.client import HTTPException, HTTPResponse
from typing import TYPE_CHECKING

from application.errors import DependencyUnavailableError, SourceTooLargeError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class HttpsBodyReader(io.RawIOBase):
    def __init__(self, response: HTTPResponse, *, location: str, max_bytes: int | None) -> None:
        super().__init__()
        self._response = response
        self._location = location
        self._max_bytes = max_bytes
        self._received = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "WriteableBuffer", /) -> int:
        count = self._receive(buffer)
        self._received += count
        if self._max_bytes is not None and self._received > self._max_bytes:
            raise SourceTooLargeError(f"{self._location} sent more than {self._max_bytes} bytes")
        return count

    def close(self) -> None:
        self._response.close()
        super().close()

    def _receive(self, buffer: "WriteableBuffer") -> int:
        try:
            count = self._response.readinto(buffer)
        except (OSError, HTTPException) as error:
            raise DependencyUnavailableError(
                f"{self._location} stopped sending: {error}"
            ) from error
        if count == 0 and self._response.length:
            missing = self._response.length
            raise DependencyUnavailableError(f"{self._location} ended {missing} bytes early")
        return count
