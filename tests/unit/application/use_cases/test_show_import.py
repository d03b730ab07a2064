from datetime import UTC, datetime

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.use_cases.show_import import ShowImport, ShowImportUseCase
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished

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


def recorded(*results: ImportFinished) -> InMemoryUnitOfWork:
    uow = InMemoryUnitOfWork()
    with uow:
        uow.imports.add_all(results)
        uow.commit()
    return uow


def test_should_show_the_result_stored_for_an_import() -> None:
    sut = ShowImportUseCase(uow=recorded(COMPLETED))

    shown = sut.execute(ShowImport(import_id="imp-1"))

    assert shown == COMPLETED


def test_should_show_nothing_for_an_import_that_never_finished() -> None:
    sut = ShowImportUseCase(uow=recorded(COMPLETED))

    shown = sut.execute(ShowImport(import_id="imp-2"))

    assert shown is None
