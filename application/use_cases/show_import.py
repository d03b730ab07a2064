from dataclasses import dataclass

from application.ports.completed_imports import CompletedImports
from application.ports.unit_of_work import UnitOfWork
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowImport:
    import_id: str


class ShowImportUseCase:
    """Reads the result stored for an import: the event every later request for it repeats. A
    completed result is final, so it is read through the cache; any other may still be replaced by
    a later run, so it is always read from the ledger."""

    def __init__(self, *, uow: UnitOfWork, completed: CompletedImports) -> None:
        self._uow = uow
        self._completed = completed

    def execute(self, query: ShowImport) -> ImportFinished | None:
        cached = self._completed.find(query.import_id)
        if cached is not None:
            return cached
        with self._uow as uow:
            stored = uow.imports.find(query.import_id)
        if isinstance(stored, ImportCompleted):
            self._completed.remember([stored])
        return stored
