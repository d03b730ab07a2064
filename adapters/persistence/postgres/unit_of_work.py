from typing import Any, Self

import psycopg

from adapters.persistence.held_repositories import HeldRepositories
from adapters.persistence.postgres.connection import open_postgres_connection
from adapters.persistence.postgres.data_repository import PostgresDataRepository
from adapters.persistence.postgres.errors import postgres_errors
from adapters.persistence.postgres.import_ledger import PostgresImportLedger
from adapters.persistence.postgres.outbox import PostgresOutbox
from adapters.persistence.postgres.tables import PostgresTables


class PostgresUnitOfWork(HeldRepositories):
    def __init__(
        self, conninfo: str, *, schema: str | None = None, connect_timeout_seconds: int = 10
    ) -> None:
        self._conninfo = conninfo
        self._tables = PostgresTables(schema)
        self._connect_timeout_seconds = connect_timeout_seconds
        self._connection: psycopg.Connection[Any] | None = None

    def __enter__(self) -> Self:
        self._connected()
        return self

    def commit(self) -> None:
        with postgres_errors():
            self._connected().commit()

    def rollback(self) -> None:
        try:
            self._connected().rollback()
        except psycopg.Error:
            self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connected(self) -> psycopg.Connection[Any]:
        if self._connection is None or self._connection.broken:
            self.close()
            self._connection = self._open()
        return self._connection

    def _open(self) -> psycopg.Connection[Any]:
        connection = open_postgres_connection(
            self._conninfo, self._tables, connect_timeout_seconds=self._connect_timeout_seconds
        )
        self._records = PostgresDataRepository(connection, self._tables)
        self._imports = PostgresImportLedger(connection, self._tables)
        self._outbox = PostgresOutbox(connection, self._tables)
        return connection
