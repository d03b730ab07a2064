import abc
from types import TracebackType
from typing import Self

from application.ports.import_ledger import ImportLedger
from application.ports.outbox import Outbox
from domain.repository.data_repository import DataRepository


class UnitOfWork(abc.ABC):
    """One transaction: invisible to others until commit; leaving without commit rolls back."""

    records: DataRepository
    imports: ImportLedger
    outbox: Outbox

    @abc.abstractmethod
    def __enter__(self) -> Self: ...

    @abc.abstractmethod
    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    @abc.abstractmethod
    def commit(self) -> None: ...

    @abc.abstractmethod
    def close(self) -> None:
        """Releases the connections it holds; it may be entered again afterwards."""
