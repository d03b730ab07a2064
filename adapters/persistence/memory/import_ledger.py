from adapters.persistence.memory.store import InMemoryStore
from application.ports.import_ledger import ImportLedger
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished


class InMemoryImportLedger(ImportLedger):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: dict[str, ImportFinished] = {}

    def find(self, import_id: str) -> ImportFinished | None:
        return self.staged.get(import_id, self._store.imports.get(import_id))

    def add(self, result: ImportFinished) -> ImportFinished:
        stored = self.find(result.import_id)
        if isinstance(stored, ImportCompleted):
            return stored
        self.staged[result.import_id] = result
        return result
