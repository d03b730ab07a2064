import pytest

from adapters.persistence.in_memory_unit_of_work import InMemoryUnitOfWork
from application.ports.record_source import RecordSource
from application.use_cases.import_data import ImportDataUseCase
from domain.service.data_import_service import DataImportService
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.recording_import_progress import RecordingImportProgress
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_data_examples import (
    FINISHED_AT,
    STARTED_AT,
    ImportDataFactory,
)


@pytest.fixture
def uow() -> InMemoryUnitOfWork:
    return InMemoryUnitOfWork()


@pytest.fixture
def progress() -> RecordingImportProgress:
    return RecordingImportProgress()


@pytest.fixture
def ids() -> SequentialIdGenerator:
    return SequentialIdGenerator()


@pytest.fixture
def make_import_data(
    uow: InMemoryUnitOfWork, progress: RecordingImportProgress, ids: SequentialIdGenerator
) -> ImportDataFactory:
    def make(source: RecordSource) -> ImportDataUseCase:
        return ImportDataUseCase(
            source=source,
            uow=uow,
            clock=FixedClock(STARTED_AT, tick=FINISHED_AT - STARTED_AT),
            ids=ids,
            progress=progress,
            service=DataImportService(),
        )

    return make
