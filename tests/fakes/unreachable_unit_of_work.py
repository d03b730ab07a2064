from typing import NoReturn, Self

from application.errors import DependencyUnavailableError
from application.ports.import_ledger import ImportLedger
from application.ports.outbox import Outbox
from application.ports.unit_of_work import UnitOfWork
from domain.repository.data_repository import DataRepository


class UnreachableUnitOfWork(UnitOfWork):
    """A store that cannot be reached: beginning or committing a transaction fails as an outage."""

    @property
    def records(self) -> DataRepository:
        return self._unreachable()

    @property
    def imports(self) -> ImportLedger:
        return self._unreachable()

    @property
    def outbox(self) -> Outbox:
        return self._unreachable()

    def __enter__(self) -> Self:
        return self._unreachable()

    def commit(self) -> None:
        self._unreachable()

    def rollback(self) -> None:
        return None

    def close(self) -> None:
        return None

    @staticmethod
    def _unreachable() -> NoReturn:
        raise DependencyUnavailableError("database unreachable")
