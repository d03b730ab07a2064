import abc
from collections.abc import Sequence

from domain.events.import_completed import ImportCompleted


class CompletedImports(abc.ABC):
    """Results of completed imports kept outside the store, to answer a repeat without it. A
    result is remembered only once its transaction committed; it may be forgotten at any time.
    Never raises: a cache that cannot answer finds nothing."""

    @abc.abstractmethod
    def find(self, import_id: str) -> ImportCompleted | None: ...

    @abc.abstractmethod
    def remember(self, results: Sequence[ImportCompleted]) -> None: ...
