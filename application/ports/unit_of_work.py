import abc
from types import TracebackType
from typing import Self

from application.ports.import_ledger import ImportLedger
from application.ports.outbox import Outbox
from domain.repository.data_repository import DataRepository


class UnitOfWork(abc.ABC):
    """One transaction: invisible to others until commit; leaving without commit rolls back."""

    @property
    @abc.abstractmethod
    def records(self) -> DataRepository: ...

    @property
    @abc.abstractmethod
    def imports(self) -> ImportLedger: ...

    @property
    @abc.abstractmethod
    def outbox(self) -> Outbox: ...

    @abc.abstractmethod
    def __enter__(self) -> Self:
        """Begins a transaction."""

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None: ...

    @abc.abstractmethod
    def rollback(self) -> None:
        """Undoes what was not committed; after a commit there is nothing left to undo."""

    @abc.abstractmethod
    def close(self) -> None:
        """Releases the connections it holds; it may be entered again afterwards."""
