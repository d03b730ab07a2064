import threading
from collections.abc import Iterator

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.record_source import RecordSource
from application.use_cases.import_data import ImportDataUseCase
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.recording_hand_over import RecordingHandOver
from tests.fakes.recording_import_progress import RecordingImportProgress
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_data_examples import (
    IDENTITIES,
    SETTINGS,
    STARTED_AT,
    TICK,
    ImportDataFactory,
)
from worker.bootstrap import bootstrap
from worker.composition.components import Components


@pytest.fixture
def uow() -> InMemoryUnitOfWork:
    return InMemoryUnitOfWork()


@pytest.fixture
def stopping() -> threading.Event:
    return threading.Event()


@pytest.fixture
def progress(stopping: threading.Event) -> RecordingImportProgress:
    return RecordingImportProgress(stopping)


@pytest.fixture
def ids() -> SequentialIdGenerator:
    return SequentialIdGenerator()


@pytest.fixture
def verifier() -> FakeTokenVerifier:
    return FakeTokenVerifier(IDENTITIES)


@pytest.fixture
def hand_over() -> RecordingHandOver:
    return RecordingHandOver()


@pytest.fixture
def built() -> Iterator[list[Components]]:
    components: list[Components] = []
    yield components
    for each in components:
        each.close()


@pytest.fixture
def make_import_data(
    uow: InMemoryUnitOfWork,
    progress: RecordingImportProgress,
    ids: SequentialIdGenerator,
    verifier: FakeTokenVerifier,
    hand_over: RecordingHandOver,
    built: list[Components],
) -> ImportDataFactory:
    def make(source: RecordSource) -> ImportDataUseCase:
        components = bootstrap(
            SETTINGS,
            uow=uow,
            publisher=FakeMessagePublisher(),
            hand_over=hand_over,
            token_verifier=verifier,
            message_source=source,
            progress=progress,
            clock=FixedClock(STARTED_AT, tick=TICK),
            ids=ids,
            trace=FakeTraceContext(),
        )
        built.append(components)
        return components.worker.import_alone

    return make
