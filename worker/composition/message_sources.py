from functools import cached_property, partial
from typing import TYPE_CHECKING

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.file_uri_opener import FileUriOpener
from adapters.file_importer.guarded_uri_opener import GuardedUriOpener
from adapters.file_importer.https_uri_opener import HttpsUriOpener
from adapters.file_importer.uri_opener import UriOpener
from adapters.system.call_probe import CallProbe
from adapters.system.circuit_aware_probe import CircuitAwareProbe
from application.ports.health_probe import HealthProbe
from application.ports.record_source import RecordSource
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from worker.composition.resilience import Resilience
from worker.consumer.pull_supervisor import RequiredDependency

if TYPE_CHECKING:
    from adapters.file_importer.gcs_uri_opener import GcsUriOpener

SOURCE_STORE = "source_store"


class MessageSources:
    """What a message may read: files under the allowed roots, https on the allowed hosts, and
    objects of the allowed buckets (no Cloud Storage client at all when none is allowed). Cloud
    Storage is then the source store: a dependency the worker pauses for while its circuit is
    open, and a readiness check."""

    def __init__(self, settings: Settings, resilience: Resilience) -> None:
        self._settings = settings
        self._resilience = resilience

    @cached_property
    def record_source(self) -> RecordSource:
        settings = self._settings
        openers: dict[str, UriOpener] = {
            "file": FileUriOpener(allowed_roots=settings.import_allowed_roots),
            "https": HttpsUriOpener(
                allowed_hosts=settings.import_allowed_hosts,
                max_bytes=settings.import_max_source_bytes,
                deadline_seconds=settings.import_https_deadline_seconds,
            ),
        }
        if self.gcs is not None:
            openers["gs"] = self.gcs
        guarded = {
            scheme: GuardedUriOpener(opener, self._resilience.policy(f"source_{scheme}"))
            for scheme, opener in openers.items()
        }
        reader = CsvTabularReader(max_row_bytes=settings.import_max_row_bytes)
        return CsvRecordSource(openers=guarded, reader=reader)

    @cached_property
    def gcs(self) -> "GcsUriOpener | None":
        if not self._settings.import_allowed_buckets:
            return None
        return gcs_opener(self._settings)

    def required(self) -> list[RequiredDependency]:
        if self.gcs is None:
            return []
        policy = self._resilience.policy("source_gs")
        return [RequiredDependency(policy=policy, trial=partial(policy.call, self.gcs.probe))]

    def probes(self) -> list[HealthProbe]:
        return [
            CircuitAwareProbe(CallProbe(SOURCE_STORE, needed.trial), policies=(needed.policy,))
            for needed in self.required()
        ]


def gcs_opener(settings: Settings) -> "GcsUriOpener":
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
