import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Self

from adapters.persistence.sqlite_connection import open_sqlite_connection
from adapters.persistence.sqlite_data_repository import SqliteDataRepository
from adapters.persistence.sqlite_errors import sqlite_errors
from adapters.persistence.sqlite_import_ledger import SqliteImportLedger
from adapters.persistence.sqlite_outbox import SqliteOutbox
from application.ports.unit_of_work import UnitOfWork


class SqliteUnitOfWork(UnitOfWork):
    def __init__(self, path: str | Path, *, busy_timeout_seconds: float = 30.0) -> None:
        self._path = Path(path)
        self._busy_timeout_seconds = busy_timeout_seconds
        self._connection: sqlite3.Connection | None = None

    def __enter__(self) -> Self:
        connection = self._connected()
        with sqlite_errors():
            connection.execute("BEGIN")
        self.records = SqliteDataRepository(connection)
        self.imports = SqliteImportLedger(connection)
        self.outbox = SqliteOutbox(connection)
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with sqlite_errors():
            self._connected().rollback()

    def commit(self) -> None:
        with sqlite_errors():
            self._connected().commit()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connected(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = open_sqlite_connection(
                self._path, busy_timeout_seconds=self._busy_timeout_seconds
            )
        return self._connection
