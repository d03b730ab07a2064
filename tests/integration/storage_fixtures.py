import uuid
from collections.abc import Iterator

import pytest
from google.cloud import storage

from tools.storage_emulator import StorageEmulator


@pytest.fixture(scope="session")
def storage_emulator() -> Iterator[StorageEmulator]:
    emulator = StorageEmulator.start()
    yield emulator
    emulator.stop()


@pytest.fixture(scope="session")
def storage_client(storage_emulator: StorageEmulator) -> storage.Client:
    return storage_emulator.client()


@pytest.fixture
def storage_bucket(storage_client: storage.Client) -> storage.Bucket:
    bucket: storage.Bucket = storage_client.create_bucket(f"test-{uuid.uuid4().hex[:12]}")
    return bucket
