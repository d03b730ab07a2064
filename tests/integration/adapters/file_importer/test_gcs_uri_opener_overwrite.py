from collections.abc import Callable
from contextlib import suppress

import pytest
from google.cloud import storage

from adapters.file_importer.gcs_uri_opener import GcsUriOpener
from application.errors import DependencyUnavailableError
from tests.integration.adapters.file_importer.gcs_objects import numbered_rows, read_all, upload

pytestmark = pytest.mark.integration

NAME = "changing.csv"
ORIGINAL = numbered_rows(64 * 1024)
CHUNK_BYTES = 4 * 1024
Change = Callable[[storage.Bucket], object]
CHANGES: dict[str, Change] = {
    "same-size": lambda bucket: upload(bucket, NAME, ORIGINAL.replace(b"row", b"new")),
    "shorter": lambda bucket: upload(bucket, NAME, ORIGINAL[: len(ORIGINAL) // 2]),
    "longer": lambda bucket: upload(bucket, NAME, ORIGINAL.replace(b"row", b"longer")),
    "deleted": lambda bucket: bucket.blob(NAME).delete(),
}


@pytest.fixture
def sut(storage_client: storage.Client, storage_bucket: storage.Bucket) -> GcsUriOpener:
    return GcsUriOpener(
        client=storage_client, allowed_buckets=[storage_bucket.name], chunk_bytes=CHUNK_BYTES
    )


def _read_while_changing(sut: GcsUriOpener, bucket: storage.Bucket, change: Change) -> bytes:
    with sut.open(upload(bucket, NAME, ORIGINAL)) as stream:
        first = stream.read(CHUNK_BYTES // 2)
        change(bucket)
        return first + stream.read()


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_should_fail_as_transient_when_the_object_changes_while_it_is_read(
    sut: GcsUriOpener, storage_bucket: storage.Bucket, change: Change
) -> None:
    with pytest.raises(DependencyUnavailableError, match="changed while it was read"):
        _read_while_changing(sut, storage_bucket, change)


def test_should_read_the_new_version_once_the_change_is_done(
    sut: GcsUriOpener, storage_bucket: storage.Bucket
) -> None:
    changed = ORIGINAL.replace(b"row", b"new")
    with suppress(DependencyUnavailableError):
        _read_while_changing(sut, storage_bucket, CHANGES["same-size"])

    retried = read_all(sut, f"gs://{storage_bucket.name}/{NAME}")

    assert retried == changed
