import abc
from collections.abc import Sequence

from domain.events.import_finished import ImportFinished


class ImportLedger(abc.ABC):
    """The result of every finished import by import_id, written in the import's transaction."""

    @abc.abstractmethod
    def find(self, import_id: str) -> ImportFinished | None: ...

    @abc.abstractmethod
    def add(self, result: ImportFinished) -> ImportFinished:
        """Stores the result unless a completed one is already stored; returns what is stored."""

    def add_all(self, results: Sequence[ImportFinished]) -> list[ImportFinished]:
        """Adds each result, in order, with distinct import_ids; returns what is stored for each."""
        return [self.add(result) for result in results]
