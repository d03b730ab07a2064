import abc

from domain.events.import_finished import ImportFinished


class ImportLedger(abc.ABC):
    """The result of every finished import, keyed by import_id; written in the import's transaction."""

    @abc.abstractmethod
    def find(self, import_id: str) -> ImportFinished | None: ...

    @abc.abstractmethod
    def add(self, result: ImportFinished) -> None: ...
