from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.file_uri_opener import FileUriOpener
from adapters.file_importer.guarded_uri_opener import GuardedUriOpener
from adapters.file_importer.https_uri_opener import HttpsUriOpener
from adapters.file_importer.uri_opener import UriOpener
from application.ports.record_source import RecordSource
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from worker.composition.resilience import Resilience


def message_record_source(settings: Settings, resilience: Resilience) -> RecordSource:
    """What a message may read: files under the allowed roots, https on the allowed hosts, and
    objects of the allowed buckets (no Cloud Storage client at all when none is allowed)."""
    openers: dict[str, UriOpener] = {
        "file": FileUriOpener(allowed_roots=settings.import_allowed_roots),
        "https": HttpsUriOpener(
            allowed_hosts=settings.import_allowed_hosts,
            max_bytes=settings.import_max_source_bytes,
            deadline_seconds=settings.import_https_deadline_seconds,
        ),
    }
    if settings.import_allowed_buckets:
        openers["gs"] = gcs_opener(settings)
    guarded = {
        scheme: GuardedUriOpener(opener, resilience.policy(f"source_{scheme}"))
        for scheme, opener in openers.items()
    }
    reader = CsvTabularReader(max_row_bytes=settings.import_max_row_bytes)
    return CsvRecordSource(openers=guarded, reader=reader)


def gcs_opener(settings: Settings) -> UriOpener:
    """Loads google-cloud-storage only when a bucket is allowed: it adds a second to start-up."""
    from adapters.file_importer.gcs_storage_client import storage_client
    from adapters.file_importer.gcs_uri_opener import GcsUriOpener

    try:
        client = storage_client(
            project=settings.google_cloud_project, emulator_host=settings.storage_emulator_host
        )
    except ValueError as error:
        raise ConfigurationError(f"IMPORT_ALLOWED_BUCKETS is set but {error}") from error
    return GcsUriOpener(
        client=client,
        allowed_buckets=settings.import_allowed_buckets,
        max_bytes=settings.import_max_source_bytes,
        chunk_bytes=settings.import_gcs_chunk_bytes,
    )
