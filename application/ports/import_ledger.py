import abc

from domain.events.import_finished import ImportFinished


class ImportLedger(abc.ABC):
    """Each finished import's result, keyed by import_id; written in the import's transaction."""

    @abc.abstractmethod
    def find(self, import_id: str) -> ImportFinished | None: ...

    @abc.abstractmethod
    def add(self, result: ImportFinished) -> None: ...
