from contextlib import AbstractContextManager
from types import TracebackType
from typing import Self

from application.ports.import_ledger import ImportLedger
from application.ports.outbox import Outbox
from application.ports.unit_of_work import UnitOfWork
from domain.repository.data_repository import DataRepository
from shared.resilience.dependency_policy import DependencyPolicy


class GuardedUnitOfWork(UnitOfWork):
    """A transaction under the store's policy: beginning it (connecting) is retried, the whole
    transaction counts once for the breaker, and an open breaker refuses it at once."""

    def __init__(self, inner: UnitOfWork, policy: DependencyPolicy) -> None:
        self._inner = inner
        self._policy = policy
        self._guard: AbstractContextManager[None] | None = None

    @property
    def records(self) -> DataRepository:
        return self._inner.records

    @property
    def imports(self) -> ImportLedger:
        return self._inner.imports

    @property
    def outbox(self) -> Outbox:
        return self._inner.outbox

    def __enter__(self) -> Self:
        guard = self._policy.guarded()
        guard.__enter__()
        self._guard = guard
        try:
            self._policy.retry(self._inner.__enter__)
        except BaseException as error:
            self._leave(type(error), error, error.__traceback__)
            raise
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self._inner.__exit__(error_type, error, traceback)
        finally:
            self._leave(error_type, error, traceback)

    def commit(self) -> None:
        self._inner.commit()

    def rollback(self) -> None:
        self._inner.rollback()

    def close(self) -> None:
        self._inner.close()

    def _leave(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        guard, self._guard = self._guard, None
        if guard is not None:
            guard.__exit__(error_type, error, traceback)
