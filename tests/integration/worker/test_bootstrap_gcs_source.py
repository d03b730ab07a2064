import pytest
from google.cloud import storage

from application.errors import SourceTooLargeError
from application.ports.record_source import SourceDescriptor
from domain.health.health_status import HealthStatus
from shared.configuration import Settings
from tools.storage_emulator import StorageEmulator
from worker.bootstrap import bootstrap

pytestmark = pytest.mark.integration

CSV = b"id,name\n1,Ada\n"


@pytest.fixture
def uri(storage_bucket: storage.Bucket) -> str:
    storage_bucket.blob("people.csv").upload_from_string(CSV)
    return f"gs://{storage_bucket.name}/people.csv"


def _settings(
    emulator: StorageEmulator,
    bucket: storage.Bucket,
    *,
    chunk_bytes: int = 8,
    max_bytes: int | None = None,
) -> Settings:
    return Settings(
        import_allowed_buckets=(bucket.name,),
        storage_emulator_host=emulator.url,
        import_gcs_chunk_bytes=chunk_bytes,
        import_max_source_bytes=max_bytes,
    )


def _header(settings: Settings, uri: str) -> tuple[str, ...]:
    source = bootstrap(settings).message_source
    with source.open(SourceDescriptor(uri=uri)) as stream:
        return stream.header


def test_should_let_a_message_read_a_gs_source_in_an_allowed_bucket(
    storage_emulator: StorageEmulator, storage_bucket: storage.Bucket, uri: str
) -> None:
    settings = _settings(storage_emulator, storage_bucket, chunk_bytes=3)

    assert _header(settings, uri) == ("id", "name")


def test_should_refuse_a_message_a_gs_source_larger_than_the_configured_cap(
    storage_emulator: StorageEmulator, storage_bucket: storage.Bucket, uri: str
) -> None:
    settings = _settings(storage_emulator, storage_bucket, max_bytes=len(CSV) - 1)

    with pytest.raises(SourceTooLargeError):
        _header(settings, uri)


def test_should_need_cloud_storage_when_a_bucket_is_allowed(
    storage_emulator: StorageEmulator, storage_bucket: storage.Bucket
) -> None:
    sources = bootstrap(_settings(storage_emulator, storage_bucket)).sources

    assert [needed.policy.dependency for needed in sources.required()] == ["source_gs"]


def test_should_check_the_source_store_when_a_bucket_is_allowed(
    storage_emulator: StorageEmulator, storage_bucket: storage.Bucket
) -> None:
    sources = bootstrap(_settings(storage_emulator, storage_bucket)).sources

    assert [probe.check().status for probe in sources.probes()] == [HealthStatus.UP]


def test_should_name_the_source_store_check(
    storage_emulator: StorageEmulator, storage_bucket: storage.Bucket
) -> None:
    sources = bootstrap(_settings(storage_emulator, storage_bucket)).sources

    assert [probe.name for probe in sources.probes()] == ["source_store"]


def test_should_need_no_source_store_when_no_bucket_is_allowed() -> None:
    assert bootstrap(Settings()).sources.probes() == []
