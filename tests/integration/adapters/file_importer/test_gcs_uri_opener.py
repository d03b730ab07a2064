import gzip
import uuid

import pytest
from google.cloud import storage

from adapters.file_importer.gcs_uri_opener import GcsUriOpener
from application.errors import (
    SourceForbiddenError,
    SourceNotFoundError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from tests.integration.adapters.file_importer.gcs_objects import SMALL_CSV, read_all, upload

pytestmark = pytest.mark.integration


@pytest.fixture
def sut(storage_client: storage.Client, storage_bucket: storage.Bucket) -> GcsUriOpener:
    return GcsUriOpener(client=storage_client, allowed_buckets=[storage_bucket.name])


def test_should_read_a_small_object_whole(
    sut: GcsUriOpener, storage_bucket: storage.Bucket
) -> None:
    uri = upload(storage_bucket, "people.csv", SMALL_CSV)

    assert read_all(sut, uri) == SMALL_CSV


def test_should_read_an_object_whose_name_holds_slashes_and_spaces(
    sut: GcsUriOpener, storage_bucket: storage.Bucket
) -> None:
    uri = upload(storage_bucket, "exports/2024 05/people list.csv", SMALL_CSV)

    assert read_all(sut, uri) == SMALL_CSV


def test_should_read_an_empty_object_as_no_bytes(
    sut: GcsUriOpener, storage_bucket: storage.Bucket
) -> None:
    uri = upload(storage_bucket, "empty.csv", b"")

    assert read_all(sut, uri) == b""


def test_should_read_an_object_in_many_small_chunks(
    storage_client: storage.Client, storage_bucket: storage.Bucket
) -> None:
    content = bytes(range(256)) * 40
    uri = upload(storage_bucket, "chunked.bin", content)
    sut = GcsUriOpener(client=storage_client, allowed_buckets=[storage_bucket.name], chunk_bytes=7)

    assert read_all(sut, uri) == content


@pytest.mark.parametrize("where", ["object", "bucket"], ids=["missing-object", "missing-bucket"])
def test_should_report_a_missing_object_or_bucket_as_not_found(
    storage_client: storage.Client, storage_bucket: storage.Bucket, where: str
) -> None:
    bucket = storage_bucket.name if where == "object" else f"missing-{uuid.uuid4().hex[:8]}"
    sut = GcsUriOpener(client=storage_client, allowed_buckets=[bucket])

    with pytest.raises(SourceNotFoundError):
        sut.open(f"gs://{bucket}/absent.csv")


def test_should_refuse_an_object_in_a_bucket_that_is_not_allowed(
    storage_client: storage.Client, storage_bucket: storage.Bucket
) -> None:
    uri = upload(storage_bucket, "people.csv", SMALL_CSV)
    sut = GcsUriOpener(client=storage_client, allowed_buckets=["another-bucket"])

    with pytest.raises(SourceForbiddenError):
        sut.open(uri)


def test_should_refuse_an_object_larger_than_the_cap_from_its_metadata(
    storage_client: storage.Client, storage_bucket: storage.Bucket
) -> None:
    uri = upload(storage_bucket, "people.csv", SMALL_CSV)
    cap = len(SMALL_CSV) - 1
    sut = GcsUriOpener(client=storage_client, allowed_buckets=[storage_bucket.name], max_bytes=cap)

    with pytest.raises(SourceTooLargeError):
        sut.open(uri)


def test_should_read_an_object_exactly_as_large_as_the_cap(
    storage_client: storage.Client, storage_bucket: storage.Bucket
) -> None:
    uri = upload(storage_bucket, "people.csv", SMALL_CSV)
    cap = len(SMALL_CSV)
    sut = GcsUriOpener(client=storage_client, allowed_buckets=[storage_bucket.name], max_bytes=cap)

    assert read_all(sut, uri) == SMALL_CSV


def test_should_refuse_an_object_stored_gzip_encoded(
    sut: GcsUriOpener, storage_bucket: storage.Bucket
) -> None:
    blob = storage_bucket.blob("people.csv.gz")
    blob.content_encoding = "gzip"
    blob.upload_from_string(gzip.compress(SMALL_CSV), content_type="text/csv")

    with pytest.raises(SourceUnreadableError):
        sut.open(f"gs://{storage_bucket.name}/people.csv.gz")
