from dataclasses import dataclass

from application.ports.unit_of_work import UnitOfWork
from domain.events.import_finished import ImportFinished


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowImport:
    import_id: str


class ShowImportUseCase:
    """Reads the result stored for an import: the event every later request for it repeats."""

    def __init__(self, *, uow: UnitOfWork) -> None:
        self._uow = uow

    def execute(self, query: ShowImport) -> ImportFinished | None:
        with self._uow as uow:
            return uow.imports.find(query.import_id)
