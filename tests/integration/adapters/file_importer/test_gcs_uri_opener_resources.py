import tracemalloc
from collections.abc import Iterator

import pytest
from google.cloud import storage

from adapters.file_importer.gcs_uri_opener import GcsUriOpener
from application.errors import DependencyUnavailableError
from tests.integration.adapters.file_importer.gcs_objects import (
    SMALL_CSV,
    numbered_rows,
    read_all,
    upload,
)
from tools.storage_emulator import StorageEmulator

pytestmark = pytest.mark.integration

LARGE_OBJECT_BYTES = 32 * 1024 * 1024
CHUNK_BYTES = 256 * 1024
READ_BYTES = 64 * 1024
PEAK_BOUND_BYTES = LARGE_OBJECT_BYTES // 8


def _quickly_giving_up(client: storage.Client, *, chunk_bytes: int = CHUNK_BYTES) -> GcsUriOpener:
    return GcsUriOpener(
        client=client,
        allowed_buckets=["data"],
        chunk_bytes=chunk_bytes,
        timeout_seconds=1.0,
        retry_seconds=0.5,
    )


def _peak_traced_bytes_while_reading(sut: GcsUriOpener, uri: str) -> int:
    tracemalloc.start()
    try:
        with sut.open(uri) as stream:
            while stream.read(READ_BYTES):
                pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_should_stream_a_large_object_without_holding_it_in_memory(
    storage_client: storage.Client, storage_bucket: storage.Bucket
) -> None:
    sut = GcsUriOpener(
        client=storage_client, allowed_buckets=[storage_bucket.name], chunk_bytes=CHUNK_BYTES
    )
    read_all(sut, upload(storage_bucket, "warm-up.csv", SMALL_CSV))
    uri = upload(storage_bucket, "large.csv", numbered_rows(LARGE_OBJECT_BYTES))

    peak = _peak_traced_bytes_while_reading(sut, uri)

    assert peak < PEAK_BOUND_BYTES


@pytest.fixture
def own_emulator() -> Iterator[StorageEmulator]:
    emulator = StorageEmulator.start()
    yield emulator
    emulator.stop()


def test_should_report_an_unreachable_store_as_unavailable(own_emulator: StorageEmulator) -> None:
    sut = _quickly_giving_up(own_emulator.client())
    own_emulator.stop()

    with pytest.raises(DependencyUnavailableError):
        sut.open("gs://data/people.csv")


def test_should_report_a_store_lost_in_the_middle_of_a_read_as_unavailable(
    own_emulator: StorageEmulator,
) -> None:
    client = own_emulator.client()
    uri = upload(client.create_bucket("data"), "rows.csv", numbered_rows(64 * 1024))
    sut = _quickly_giving_up(client, chunk_bytes=1024)

    with sut.open(uri) as stream, pytest.raises(DependencyUnavailableError):
        stream.read(10)
        own_emulator.stop()
        stream.read()
