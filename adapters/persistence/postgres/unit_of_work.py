from typing import Any, Self

import psycopg

from adapters.persistence.held_repositories import HeldRepositories
from adapters.persistence.postgres.connection import open_postgres_connection
from adapters.persistence.postgres.connection_login import ConnectionLogin
from adapters.persistence.postgres.data_repository import PostgresDataRepository
from adapters.persistence.postgres.errors import postgres_errors
from adapters.persistence.postgres.import_ledger import PostgresImportLedger
from adapters.persistence.postgres.outbox import PostgresOutbox
from adapters.persistence.postgres.tables import PostgresTables
from application.ports.database_credentials import DatabaseCredentials


class PostgresUnitOfWork(HeldRepositories):
    """With leased credentials, a connection whose login was superseded is closed when the next
    transaction begins, and a new one opens with the current login."""

    def __init__(
        self,
        conninfo: str,
        *,
        schema: str | None = None,
        connect_timeout_seconds: int = 10,
        credentials: DatabaseCredentials | None = None,
    ) -> None:
        self._login = ConnectionLogin(conninfo, credentials)
        self._tables = PostgresTables(schema)
        self._connect_timeout_seconds = connect_timeout_seconds
        self._connection: psycopg.Connection[Any] | None = None

    def __enter__(self) -> Self:
        if not self._login.is_current():
            self.close()
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
        self._login.release()

    def _connected(self) -> psycopg.Connection[Any]:
        if self._connection is None or self._connection.broken:
            self.close()
            self._connection = self._open()
        return self._connection

    def _open(self) -> psycopg.Connection[Any]:
        try:
            connection = open_postgres_connection(
                self._login.conninfo(),
                self._tables,
                connect_timeout_seconds=self._connect_timeout_seconds,
            )
        except BaseException:
            self._login.release()
            raise
        self._records = PostgresDataRepository(connection, self._tables)
        self._imports = PostgresImportLedger(connection, self._tables)
        self._outbox = PostgresOutbox(connection, self._tables)
        return connection
