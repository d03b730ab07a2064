from collections.abc import Iterator
from typing import BinaryIO

import pytest

from adapters.file_importer.gcs_storage_client import storage_client
from adapters.file_importer.gcs_uri_opener import GcsUriOpener
from application.errors import SourceNotFoundError
from tests.contract.worker.cloud_storage_pact import (
    BUCKET,
    CLOUD_STORAGE_PACT,
    CONTENT,
    FIRST_RANGE,
    LAST_RANGE,
    METADATA,
    MISSING,
)

READ_BYTES = 12


@pytest.fixture(autouse=True)
def no_background_bucket_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISABLE_GCS_PYTHON_CLIENT_OTEL_BUCKET_METADATA", "true")


def opener(url: str) -> GcsUriOpener:
    client = storage_client(project=None, emulator_host=url)
    return GcsUriOpener(client=client, allowed_buckets=[BUCKET], chunk_bytes=READ_BYTES)


def chunks(stream: BinaryIO) -> Iterator[bytes]:
    return iter(lambda: stream.read(READ_BYTES), b"")


def test_should_stream_the_object_in_ranges_of_the_generation_found_at_open() -> None:
    pact = CLOUD_STORAGE_PACT.pact(METADATA, FIRST_RANGE, LAST_RANGE)
    with pact.serve(addr="127.0.0.1") as storage:
        with opener(str(storage.url)).open(f"gs://{BUCKET}/people.csv") as stream:
            content = b"".join(chunks(stream))

    assert content == CONTENT.encode()


def test_should_report_an_object_that_does_not_exist_as_not_found() -> None:
    pact = CLOUD_STORAGE_PACT.pact(MISSING)
    with pact.serve(addr="127.0.0.1") as storage, pytest.raises(SourceNotFoundError):
        opener(str(storage.url)).open(f"gs://{BUCKET}/missing.csv")
