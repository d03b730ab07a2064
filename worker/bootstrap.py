import getpass
import sys
import threading

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.file_uri_opener import FileUriOpener
from adapters.file_importer.https_uri_opener import HttpsUriOpener
from adapters.file_importer.local_file_opener import LocalFileOpener
from adapters.file_importer.uri_opener import UriOpener
from adapters.observability.null_import_progress import NullImportProgress
from adapters.observability.otel_trace_context import OtelTraceContext
from adapters.observability.tqdm_import_progress import TqdmImportProgress
from adapters.persistence.unit_of_work_factory import create_unit_of_work
from adapters.system.system_clock import SystemClock
from adapters.system.uuid_id_generator import UuidIdGenerator
from application.ports.import_progress import ImportProgress
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_source import RecordSource
from application.ports.unit_of_work import UnitOfWork
from application.services.auth_service import AuthService
from application.services.event_messages import EventMessages, EventTopics
from application.services.import_events import ImportEvents
from application.services.import_results import ImportResults
from application.services.no_hand_over import NoHandOver
from application.use_cases.get_data import GetDataUseCase
from application.use_cases.import_batch import ImportBatchUseCase
from application.use_cases.import_data import ImportDataUseCase
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from domain.service.data_import_service import DataImportService
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError


def new_id() -> str:
    return UuidIdGenerator().new_id()


def build_unit_of_work(settings: Settings, *, per_thread: bool = True) -> UnitOfWork:
    return create_unit_of_work(settings.database_url, per_thread=per_thread)


def build_event_messages(settings: Settings) -> EventMessages:
    topics = EventTopics(results=settings.import_results_topic, audit=settings.audit_events_topic)
    return EventMessages(topics=topics, trace=OtelTraceContext())


def build_import_results() -> ImportResults:
    return ImportResults(clock=SystemClock(), ids=UuidIdGenerator())


def build_import_events(settings: Settings) -> ImportEvents:
    return ImportEvents(
        messages=build_event_messages(settings), clock=SystemClock(), ids=UuidIdGenerator()
    )


def build_operator_import(settings: Settings, *, interactive: bool) -> ImportDataUseCase:
    operator = UserIdentity(
        subject=f"operator:{getpass.getuser()}", roles=frozenset({UserRole.IMPORTER})
    )
    return build_import_data(
        settings,
        uow=build_unit_of_work(settings, per_thread=False),
        auth=AuthService(None, anonymous=operator),
        source=build_operator_record_source(),
        progress=_progress(interactive),
        stopping=threading.Event(),
        hand_over=NoHandOver(),
    )


def build_import_data(
    settings: Settings,
    *,
    uow: UnitOfWork,
    auth: AuthService,
    source: RecordSource,
    progress: ImportProgress,
    stopping: threading.Event,
    hand_over: OutboxHandOver,
) -> ImportDataUseCase:
    return ImportDataUseCase(
        auth=auth,
        source=source,
        uow=uow,
        results=build_import_results(),
        events=build_import_events(settings),
        progress=progress,
        service=DataImportService(),
        stopping=stopping,
        hand_over=hand_over,
    )


def build_import_batch(
    settings: Settings,
    *,
    uow: UnitOfWork,
    auth: AuthService,
    source: RecordSource,
    hand_over: OutboxHandOver,
) -> ImportBatchUseCase:
    return ImportBatchUseCase(
        auth=auth,
        source=source,
        uow=uow,
        results=build_import_results(),
        events=build_import_events(settings),
        service=DataImportService(),
        hand_over=hand_over,
    )


def build_operator_record_source() -> RecordSource:
    return CsvRecordSource(openers={"file": LocalFileOpener()}, reader=CsvTabularReader())


def build_message_record_source(settings: Settings) -> RecordSource:
    roots = FileUriOpener(allowed_roots=settings.import_allowed_roots)
    hosts = HttpsUriOpener(
        allowed_hosts=settings.import_allowed_hosts, max_bytes=settings.import_max_source_bytes
    )
    openers: dict[str, UriOpener] = {"file": roots, "https": hosts}
    if settings.import_allowed_buckets:
        openers["gs"] = build_gcs_opener(settings)
    return CsvRecordSource(openers=openers, reader=CsvTabularReader())


def build_gcs_opener(settings: Settings) -> UriOpener:
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


def build_get_data(settings: Settings) -> GetDataUseCase:
    return GetDataUseCase(uow=build_unit_of_work(settings, per_thread=False))


def _progress(interactive: bool) -> ImportProgress:
    if interactive:
        return TqdmImportProgress(stream=sys.stderr, description="importing")
    return NullImportProgress()
