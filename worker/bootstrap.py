import sys

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.file_uri_opener import FileUriOpener
from adapters.file_importer.local_file_opener import LocalFileOpener
from adapters.observability.null_import_progress import NullImportProgress
from adapters.observability.tqdm_import_progress import TqdmImportProgress
from adapters.persistence.unit_of_work_factory import create_unit_of_work
from adapters.system.system_clock import SystemClock
from adapters.system.uuid_id_generator import UuidIdGenerator
from application.ports.import_progress import ImportProgress
from application.ports.record_source import RecordSource
from application.ports.unit_of_work import UnitOfWork
from application.use_cases.get_data import GetDataUseCase
from application.use_cases.import_data import ImportDataUseCase
from domain.service.data_import_service import DataImportService
from shared.configuration import Settings


def new_id() -> str:
    return UuidIdGenerator().new_id()


def build_unit_of_work(settings: Settings) -> UnitOfWork:
    return create_unit_of_work(settings.database_url)


def build_operator_import(settings: Settings, *, interactive: bool) -> ImportDataUseCase:
    return build_import_data(
        settings, source=build_operator_record_source(), progress=_progress(interactive)
    )


def build_import_data(
    settings: Settings, *, source: RecordSource, progress: ImportProgress
) -> ImportDataUseCase:
    return ImportDataUseCase(
        source=source,
        uow=build_unit_of_work(settings),
        clock=SystemClock(),
        ids=UuidIdGenerator(),
        progress=progress,
        service=DataImportService(),
    )


def build_operator_record_source() -> RecordSource:
    return CsvRecordSource(openers={"file": LocalFileOpener()}, reader=CsvTabularReader())


def build_message_record_source(settings: Settings) -> RecordSource:
    roots = FileUriOpener(allowed_roots=settings.import_allowed_roots)
    return CsvRecordSource(openers={"file": roots}, reader=CsvTabularReader())


def build_get_data(settings: Settings) -> GetDataUseCase:
    return GetDataUseCase(uow=build_unit_of_work(settings))


def _progress(interactive: bool) -> ImportProgress:
    if interactive:
        return TqdmImportProgress(stream=sys.stderr, description="importing")
    return NullImportProgress()
