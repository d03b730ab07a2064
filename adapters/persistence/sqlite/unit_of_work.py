import sqlite3
from pathlib import Path
from typing import Self

from adapters.persistence.held_repositories import HeldRepositories
from adapters.persistence.sqlite.connection import open_sqlite_connection
from adapters.persistence.sqlite.data_repository import SqliteDataRepository
from adapters.persistence.sqlite.errors import sqlite_errors
from adapters.persistence.sqlite.import_ledger import SqliteImportLedger
from adapters.persistence.sqlite.outbox import SqliteOutbox


class SqliteUnitOfWork(HeldRepositories):
    def __init__(self, path: str | Path, *, busy_timeout_seconds: float = 30.0) -> None:
        self._path = Path(path)
        self._busy_timeout_seconds = busy_timeout_seconds
        self._connection: sqlite3.Connection | None = None

    def __enter__(self) -> Self:
        with sqlite_errors():
            self._connected().execute("BEGIN")
        return self

    def commit(self) -> None:
        with sqlite_errors():
            self._connected().commit()

    def rollback(self) -> None:
        with sqlite_errors():
            self._connected().rollback()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connected(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = open_sqlite_connection(
            self._path, busy_timeout_seconds=self._busy_timeout_seconds
        )
        self._records = SqliteDataRepository(connection)
        self._imports = SqliteImportLedger(connection)
        self._outbox = SqliteOutbox(connection)
        return connection
