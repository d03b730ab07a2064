import pytest
from google.cloud import storage

from adapters.file_importer.gcs_storage_client import storage_client
from adapters.file_importer.gcs_uri_opener import GcsUriOpener
from application.errors import DependencyUnavailableError
from tools.pubsub_emulator import free_port

pytestmark = pytest.mark.integration


def test_should_find_cloud_storage_reachable_when_it_answers_that_the_probe_object_is_absent(
    storage_client: storage.Client, storage_bucket: storage.Bucket
) -> None:
    sut = GcsUriOpener(client=storage_client, allowed_buckets=[storage_bucket.name])

    assert sut.probe() == f"gs://{storage_bucket.name}"


def test_should_find_cloud_storage_reachable_when_the_probed_bucket_does_not_exist(
    storage_client: storage.Client,
) -> None:
    sut = GcsUriOpener(client=storage_client, allowed_buckets=["zz-other", "no-such-bucket"])

    assert sut.probe() == "gs://no-such-bucket"


def test_should_report_cloud_storage_unavailable_when_nothing_answers() -> None:
    client = storage_client(project="probe", emulator_host=f"127.0.0.1:{free_port()}")
    sut = GcsUriOpener(client=client, allowed_buckets=["imports"], timeout_seconds=2.0)

    with pytest.raises(DependencyUnavailableError):
        sut.probe()
