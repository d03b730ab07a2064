import threading
from collections.abc import Callable
from typing import Self

from application.ports.import_ledger import ImportLedger
from application.ports.outbox import Outbox
from application.ports.unit_of_work import UnitOfWork
from domain.repository.data_repository import DataRepository


class ThreadLocalUnitOfWork(UnitOfWork):
    """Safe to share between threads: each thread works through a unit of work of its own."""

    def __init__(self, factory: Callable[[], UnitOfWork]) -> None:
        self._factory = factory
        self._local = threading.local()
        self._opened: list[UnitOfWork] = []
        self._opened_lock = threading.Lock()

    @property
    def records(self) -> DataRepository:
        return self._current().records

    @property
    def imports(self) -> ImportLedger:
        return self._current().imports

    @property
    def outbox(self) -> Outbox:
        return self._current().outbox

    def __enter__(self) -> Self:
        self._current().__enter__()
        return self

    def commit(self) -> None:
        self._current().commit()

    def rollback(self) -> None:
        self._current().rollback()

    def close(self) -> None:
        with self._opened_lock:
            opened = list(self._opened)
        for unit_of_work in opened:
            unit_of_work.close()

    def _current(self) -> UnitOfWork:
        current: UnitOfWork | None = getattr(self._local, "unit_of_work", None)
        if current is None:
            current = self._factory()
            self._local.unit_of_work = current
            with self._opened_lock:
                self._opened.append(current)
        return current
