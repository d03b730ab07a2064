from datetime import UTC, datetime

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.unit_of_work import UnitOfWork
from application.services.cached_completed_imports import CachedCompletedImports
from application.use_cases.show_import import ShowImport, ShowImportUseCase
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from tests.fakes.fake_cache import FakeCache
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork

FINISHED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
COMPLETED = ImportCompleted(
    event_id="00000000-0000-4000-8000-000000000001",
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    rows_read=2,
    rows_imported=2,
    rows_rejected=0,
    started_at=FINISHED_AT,
    finished_at=FINISHED_AT,
)

FAILED = ImportFailed(
    event_id="00000000-0000-4000-8000-000000000002",
    import_id="imp-2",
    dataset="people",
    correlation_id="corr-2",
    error=ImportErrorDetail(code="source_not_found", message="no such file"),
    started_at=FINISHED_AT,
    finished_at=FINISHED_AT,
)


def show_import(uow: UnitOfWork, cache: FakeCache | None = None) -> ShowImportUseCase:
    completed = CachedCompletedImports(cache=cache or FakeCache(), metrics=RecordingCacheMetrics())
    return ShowImportUseCase(uow=uow, completed=completed)


def recorded(*results: ImportFinished) -> InMemoryUnitOfWork:
    uow = InMemoryUnitOfWork()
    with uow:
        uow.imports.add_all(results)
        uow.commit()
    return uow


def test_should_show_the_result_stored_for_an_import() -> None:
    sut = show_import(recorded(COMPLETED))

    shown = sut.execute(ShowImport(import_id="imp-1"))

    assert shown == COMPLETED


def test_should_show_nothing_for_an_import_that_never_finished() -> None:
    sut = show_import(recorded(COMPLETED))

    shown = sut.execute(ShowImport(import_id="imp-2"))

    assert shown is None


def test_should_show_a_completed_result_shown_before_from_the_cache_without_the_store() -> None:
    cache = FakeCache()
    show_import(recorded(COMPLETED), cache).execute(ShowImport(import_id="imp-1"))
    sut = show_import(UnreachableUnitOfWork(), cache)

    shown = sut.execute(ShowImport(import_id="imp-1"))

    assert shown == COMPLETED


def test_should_not_cache_a_result_a_later_run_may_replace() -> None:
    cache = FakeCache()

    show_import(recorded(FAILED), cache).execute(ShowImport(import_id="imp-2"))

    assert cache.values == {}
