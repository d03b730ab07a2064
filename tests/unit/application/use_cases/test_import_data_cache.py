from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import replace

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError, SourceNotFoundError
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_source import RecordSource
from application.ports.unit_of_work import UnitOfWork
from application.services.cached_completed_imports import CachedCompletedImports
from application.use_cases.get_data import GetRecord
from domain.events.import_finished import ImportFinished
from domain.lifecycle.import_answer import ImportAnswer
from domain.model.data_record import DataRecord
from tests.fakes.fake_cache import FakeCache
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_record_source import FakeRecordSource
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.observing_hand_over import ObservingHandOver
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.fakes.recording_hand_over import RecordingHandOver
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    DATASET,
    HEADER,
    IDENTITIES,
    IMPORT_ID,
    SETTINGS,
    STARTED_AT,
    TICK,
    VALID_ROWS,
    VIEWER_TOKEN,
    record_result,
)
from tests.unit.application.use_cases.test_import_data_idempotency import (
    EARLIER_COMPLETION,
    REPUBLISHED,
)
from worker.bootstrap import bootstrap
from worker.composition.components import Components

UPDATED_ROWS = (("1", "Ada Lovelace", "37"),)
SECOND_IMPORT = replace(COMMAND, request_id="msg-3", import_id="imp-3", correlation_id="corr-3")
ADA = GetRecord(dataset=DATASET, key=("1",))

World = Callable[..., Components]


@pytest.fixture
def cache() -> FakeCache:
    return FakeCache()


@pytest.fixture
def world(cache: FakeCache) -> Iterator[World]:
    built: list[Components] = []

    def build(
        source: RecordSource | None = None,
        *,
        uow: UnitOfWork,
        publisher: FakeMessagePublisher | None = None,
        hand_over: OutboxHandOver | None = None,
    ) -> Components:
        components = bootstrap(
            SETTINGS,
            uow=uow,
            cache=cache,
            publisher=publisher or FakeMessagePublisher(),
            hand_over=hand_over or RecordingHandOver(),
            token_verifier=FakeTokenVerifier(IDENTITIES),
            message_source=source or FakeRecordSource(header=HEADER, rows=VALID_ROWS),
            clock=FixedClock(STARTED_AT, tick=TICK),
            ids=SequentialIdGenerator(),
            trace=FakeTraceContext(),
        )
        built.append(components)
        return components

    yield build
    for components in built:
        components.close()


def remembered(cache: FakeCache) -> ImportFinished | None:
    return CachedCompletedImports(cache=cache, metrics=RecordingCacheMetrics()).find(IMPORT_ID)


def imported(world: World, uow: UnitOfWork, source: RecordSource | None = None) -> ImportAnswer:
    return world(source, uow=uow).worker.import_alone.execute(COMMAND)


def test_should_remember_a_completed_import_once_it_committed(
    world: World, cache: FakeCache
) -> None:
    answer = imported(world, InMemoryUnitOfWork())

    assert remembered(cache) == answer.result


def test_should_not_remember_a_failed_import(world: World, cache: FakeCache) -> None:
    imported(world, InMemoryUnitOfWork(), FakeRecordSource(open_error=SourceNotFoundError("gone")))

    assert remembered(cache) is None


def test_should_not_remember_an_import_whose_transaction_did_not_commit(
    world: World, cache: FakeCache
) -> None:
    with suppress(DependencyUnavailableError):
        imported(world, UnreachableUnitOfWork())

    assert remembered(cache) is None


def test_should_remember_the_stored_result_a_repeat_was_answered_with(
    world: World, cache: FakeCache
) -> None:
    uow = InMemoryUnitOfWork()
    record_result(uow, EARLIER_COMPLETION)

    world(uow=uow).worker.import_alone.execute(REPUBLISHED)

    assert remembered(cache) == EARLIER_COMPLETION


def test_should_answer_a_repeat_from_the_cache_without_the_store(world: World) -> None:
    first = imported(world, InMemoryUnitOfWork())
    sut = world(uow=UnreachableUnitOfWork()).worker.import_alone

    answer = sut.execute(REPUBLISHED)

    assert answer == ImportAnswer(result=first.result, repeated=True)


def test_should_run_a_failed_import_again_rather_than_answer_it_from_the_cache(
    world: World,
) -> None:
    uow = InMemoryUnitOfWork()
    imported(world, uow, FakeRecordSource(open_error=SourceNotFoundError("gone")))

    answer = world(uow=uow).worker.import_alone.execute(REPUBLISHED)

    assert answer.result.event_type == "ImportCompleted"


def test_should_reject_a_denied_request_for_an_import_the_cache_knows_completed(
    world: World,
) -> None:
    uow = InMemoryUnitOfWork()
    imported(world, uow)
    denied = replace(REPUBLISHED, authorization=f"Bearer {VIEWER_TOKEN}")

    answer = world(uow=uow).worker.import_alone.execute(denied)

    assert answer.result.event_type == "ImportRejected"


def test_should_change_the_generation_of_the_dataset_before_handing_the_events_over(
    world: World, cache: FakeCache
) -> None:
    cache.values[f"generations:{DATASET}"] = b"before"
    hand_over = ObservingHandOver(lambda: cache.values[f"generations:{DATASET}"])

    world(uow=InMemoryUnitOfWork(), hand_over=hand_over).worker.import_alone.execute(COMMAND)

    assert b"before" not in hand_over.observed


def test_should_change_the_generation_of_the_dataset_when_the_store_answers_a_repeat(
    world: World, cache: FakeCache
) -> None:
    uow = InMemoryUnitOfWork()
    record_result(uow, EARLIER_COMPLETION)
    cache.values[f"generations:{DATASET}"] = b"before"

    world(uow=uow).worker.import_alone.execute(REPUBLISHED)

    assert cache.values[f"generations:{DATASET}"] != b"before"


@pytest.mark.parametrize("path", ["import_alone", "import_in_batches"])
def test_should_read_the_records_of_an_import_that_committed_after_they_were_cached(
    world: World, path: str
) -> None:
    uow = InMemoryUnitOfWork()
    imported(world, uow)
    world(uow=uow).get_data.execute(ADA)
    updating = world(FakeRecordSource(header=HEADER, rows=UPDATED_ROWS), uow=uow).worker
    getattr(updating, path).execute(SECOND_IMPORT)

    record = world(uow=uow).get_data.execute(ADA)

    assert record == DataRecord(
        dataset=DATASET,
        key=("1",),
        values={"id": 1, "name": "Ada Lovelace", "age": 37},
        import_id="imp-3",
    )
