import base64
import io
from typing import IO, TYPE_CHECKING

import google_crc32c

from adapters.file_importer.gcs_failures import SOURCE_STORE_ERRORS, reading_error
from adapters.file_importer.gcs_object_version import GcsObjectVersion
from application.errors import DependencyUnavailableError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class GcsBodyReader(io.RawIOBase):
    """Reads one version of an object, no byte past its size; at the end checks its CRC32C."""

    def __init__(self, source: IO[bytes], *, location: str, version: GcsObjectVersion) -> None:
        super().__init__()
        self._source = source
        self._location = location
        self._version = version
        self._remaining = version.size
        self._crc32c = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "WriteableBuffer", /) -> int:
        if self._remaining == 0:
            self._verify()
            return 0
        view = memoryview(buffer).cast("B")
        data = self._receive(min(len(view), self._remaining))
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._source.close()
        super().close()

    def _receive(self, size: int) -> bytes:
        try:
            data = self._source.read(size)
        except SOURCE_STORE_ERRORS as error:
            raise reading_error(error, self._location) from error
        if not data:
            raise self._changed(f"it ended {self._remaining} bytes short")
        self._remaining -= len(data)
        self._crc32c = google_crc32c.extend(self._crc32c, data)
        return data

    def _verify(self) -> None:
        expected = self._version.crc32c
        if expected is not None and crc32c_text(self._crc32c) != expected:
            raise self._changed("the bytes read do not match its CRC32C")

    def _changed(self, symptom: str) -> DependencyUnavailableError:
        generation = self._version.generation
        return DependencyUnavailableError(
            f"{self._location} (generation {generation}) changed while it was read: {symptom};"
            " a retry reads it anew"
        )


def crc32c_text(crc32c: int) -> str:
    return base64.b64encode(crc32c.to_bytes(4, "big")).decode("ascii")
