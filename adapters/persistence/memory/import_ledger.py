from adapters.persistence.memory.store import InMemoryStore
from application.ports.import_ledger import ImportLedger
from domain.events.import_finished import ImportFinished
from domain.lifecycle.completed_import_is_final import CompletedImportIsFinal


class InMemoryImportLedger(ImportLedger):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self.staged: dict[str, ImportFinished] = {}

    def find(self, import_id: str) -> ImportFinished | None:
        return self.staged.get(import_id, self._store.imports.get(import_id))

    def add(self, result: ImportFinished) -> ImportFinished:
        standing = CompletedImportIsFinal.standing(self.find(result.import_id), result)
        self.staged[result.import_id] = standing
        return standing
