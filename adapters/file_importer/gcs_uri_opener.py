import io
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any, BinaryIO

from google.cloud.storage import Blob, Client
from google.cloud.storage.fileio import BlobReader
from google.cloud.storage.retry import DEFAULT_RETRY

from adapters.file_importer.gcs_body_reader import GcsBodyReader
from adapters.file_importer.gcs_failures import (
    SOURCE_STORE_ERRORS,
    is_transient,
    opening_error,
    source_store_error,
)
from adapters.file_importer.gcs_object_address import (
    GcsObjectAddress,
    allowed_object,
    normalized_buckets,
)
from adapters.file_importer.gcs_object_version import GcsObjectVersion
from adapters.file_importer.uri_opener import UriOpener
from application.errors import SourceNotFoundError, SourceTooLargeError, SourceUnreadableError

DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024
DEFAULT_TIMEOUT_SECONDS = 30.0
DEFAULT_RETRY_SECONDS = 60.0
PROBE_OBJECT = "import-worker-readiness-probe"


class GcsUriOpener(UriOpener):
    """Streams the version of a gs:// object current at open, one ranged request per chunk.
    Opening is one metadata request, not retried here (the source policy retries it); the ranged
    downloads keep the library's retry, which resumes from the bytes already read."""

    def __init__(
        self,
        *,
        client: Client,
        allowed_buckets: Iterable[str],
        max_bytes: int | None = None,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        retry_seconds: float = DEFAULT_RETRY_SECONDS,
    ) -> None:
        self._client = client
        self._buckets = normalized_buckets(allowed_buckets)
        self._max_bytes = max_bytes
        self._chunk_bytes = chunk_bytes
        self._timeout_seconds = timeout_seconds
        self._calls: dict[str, Any] = {
            "timeout": timeout_seconds,
            "retry": DEFAULT_RETRY.with_timeout(retry_seconds),
        }

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        address = allowed_object(uri, self._buckets)
        blob = self._current_blob(address)
        version = self._readable_version(blob, str(address))
        reader = BlobReader(blob, chunk_size=self._chunk_bytes, **self._calls)
        body = GcsBodyReader(reader, location=str(address), version=version)
        return io.BufferedReader(body, self._chunk_bytes)

    def _current_blob(self, address: GcsObjectAddress) -> Blob:
        try:
            blob: Blob | None = self._client.bucket(address.bucket).get_blob(
                address.name, timeout=self._timeout_seconds, retry=None
            )
        except SOURCE_STORE_ERRORS as error:
            raise opening_error(error, str(address)) from error
        if blob is None:
            raise SourceNotFoundError(f"{address} does not exist")
        return blob

    def probe(self) -> str:
        """One metadata read in an allowed bucket, whose address it returns: any answer, "no such
        object" or "forbidden" included, shows Cloud Storage reachable; no answer, 429 or 5xx
        raise DependencyUnavailableError."""
        location = f"gs://{min(self._buckets)}"
        try:
            self._client.bucket(location.removeprefix("gs://")).get_blob(
                PROBE_OBJECT, timeout=self._timeout_seconds, retry=None
            )
        except SOURCE_STORE_ERRORS as error:
            if is_transient(error):
                raise source_store_error(error, location) from error
        return location

    def _readable_version(self, blob: Blob, location: str) -> GcsObjectVersion:
        size = int(blob.size)
        if (blob.content_encoding or "").lower() == "gzip":
            raise SourceUnreadableError(f"{location} is stored with Content-Encoding gzip")
        if self._max_bytes is not None and size > self._max_bytes:
            raise SourceTooLargeError(f"{location} is {size} bytes, more than {self._max_bytes}")
        return GcsObjectVersion(generation=int(blob.generation), size=size, crc32c=blob.crc32c)
