import threading

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.record_source import RecordSource
from application.services.auth_service import AuthService
from application.services.event_messages import EventMessages
from application.services.import_events import ImportEvents
from application.services.import_results import ImportResults
from application.use_cases.import_data import ImportDataUseCase
from domain.service.data_import_service import DataImportService
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.recording_hand_over import RecordingHandOver
from tests.fakes.recording_import_progress import RecordingImportProgress
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_data_examples import (
    AUDITED_AT,
    FINISHED_AT,
    IDENTITIES,
    STARTED_AT,
    TOPICS,
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
def verifier() -> FakeTokenVerifier:
    return FakeTokenVerifier(IDENTITIES)


@pytest.fixture
def stopping() -> threading.Event:
    return threading.Event()


@pytest.fixture
def hand_over() -> RecordingHandOver:
    return RecordingHandOver()


@pytest.fixture
def make_import_data(
    uow: InMemoryUnitOfWork,
    progress: RecordingImportProgress,
    ids: SequentialIdGenerator,
    verifier: FakeTokenVerifier,
    stopping: threading.Event,
    hand_over: RecordingHandOver,
) -> ImportDataFactory:
    def make(source: RecordSource) -> ImportDataUseCase:
        return ImportDataUseCase(
            auth=AuthService(verifier),
            source=source,
            uow=uow,
            results=ImportResults(
                clock=FixedClock(STARTED_AT, tick=FINISHED_AT - STARTED_AT), ids=ids
            ),
            events=ImportEvents(
                messages=EventMessages(topics=TOPICS, trace=FakeTraceContext()),
                clock=FixedClock(AUDITED_AT),
                ids=ids,
            ),
            progress=progress,
            service=DataImportService(),
            stopping=stopping,
            hand_over=hand_over,
        )

    return make
