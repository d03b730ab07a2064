import io

import google_crc32c
import pytest
from google.api_core import exceptions

from adapters.file_importer.gcs_body_reader import GcsBodyReader, crc32c_text
from adapters.file_importer.gcs_object_version import GcsObjectVersion
from application.errors import (
    ApplicationError,
    DependencyUnavailableError,
    SourceForbiddenError,
)

CONTENT = b"id,name\n1,Ada\n2,Grace\n"
LOCATION = "gs://exports/people.csv"


class FailingSource(io.BytesIO):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self._error = error

    def read(self, size: int | None = -1, /) -> bytes:
        raise self._error


def _version(content: bytes) -> GcsObjectVersion:
    checksum = crc32c_text(google_crc32c.value(content))
    return GcsObjectVersion(generation=7, size=len(content), crc32c=checksum)


def _read(source: io.BytesIO, version: GcsObjectVersion) -> bytes:
    with io.BufferedReader(GcsBodyReader(source, location=LOCATION, version=version), 4) as body:
        return body.read()


def test_should_read_every_byte_of_the_version() -> None:
    assert _read(io.BytesIO(CONTENT), _version(CONTENT)) == CONTENT


def test_should_write_a_crc32c_as_cloud_storage_does() -> None:
    assert crc32c_text(google_crc32c.value(b"hello world")) == "yZRlqg=="


def test_should_read_no_byte_past_the_size_of_the_version() -> None:
    assert _read(io.BytesIO(CONTENT + b"3,Alan\n"), _version(CONTENT)) == CONTENT


def test_should_accept_a_version_without_a_crc32c() -> None:
    version = GcsObjectVersion(generation=7, size=len(CONTENT), crc32c=None)

    assert _read(io.BytesIO(CONTENT), version) == CONTENT


def test_should_fail_as_transient_when_the_bytes_do_not_match_the_crc32c() -> None:
    altered = CONTENT.replace(b"Ada", b"Eve")

    with pytest.raises(DependencyUnavailableError, match="do not match its CRC32C"):
        _read(io.BytesIO(altered), _version(CONTENT))


def test_should_fail_as_transient_when_the_object_ends_before_its_size() -> None:
    with pytest.raises(DependencyUnavailableError, match="ended 5 bytes short"):
        _read(io.BytesIO(CONTENT[:-5]), _version(CONTENT))


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (exceptions.NotFound("generation gone"), DependencyUnavailableError),
        (exceptions.Forbidden("denied"), SourceForbiddenError),
        (ConnectionResetError("reset"), DependencyUnavailableError),
    ],
    ids=["version-gone", "forbidden", "connection-reset"],
)
def test_should_translate_a_failure_of_the_store_while_reading(
    error: Exception, expected: type[ApplicationError]
) -> None:
    with pytest.raises(expected):
        _read(FailingSource(error), _version(CONTENT))


def test_should_close_its_source_when_closed() -> None:
    source = io.BytesIO(CONTENT)

    GcsBodyReader(source, location=LOCATION, version=_version(CONTENT)).close()

    assert source.closed
