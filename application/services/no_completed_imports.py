from collections.abc import Sequence

from application.ports.completed_imports import CompletedImports
from domain.events.import_completed import ImportCompleted


class NoCompletedImports(CompletedImports):
    """Without a cache: nothing is kept, so nothing is encoded for it, and every repeat is
    answered by the store."""

    def find(self, import_id: str) -> ImportCompleted | None:
        return None

    def remember(self, results: Sequence[ImportCompleted]) -> None:
        return None
