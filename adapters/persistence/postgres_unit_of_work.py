from types import TracebackType
from typing import Any, Self

import psycopg

from adapters.persistence.postgres_connection import open_postgres_connection
from adapters.persistence.postgres_data_repository import PostgresDataRepository
from adapters.persistence.postgres_errors import postgres_errors
from adapters.persistence.postgres_import_ledger import PostgresImportLedger
from adapters.persistence.postgres_outbox import PostgresOutbox
from adapters.persistence.postgres_tables import PostgresTables
from application.ports.unit_of_work import UnitOfWork


class PostgresUnitOfWork(UnitOfWork):
    def __init__(
        self, conninfo: str, *, schema: str | None = None, connect_timeout_seconds: int = 10
    ) -> None:
        self._conninfo = conninfo
        self._tables = PostgresTables(schema)
        self._connect_timeout_seconds = connect_timeout_seconds
        self._connection: psycopg.Connection[Any] | None = None

    def __enter__(self) -> Self:
        connection = self._connected()
        self.records = PostgresDataRepository(connection, self._tables)
        self.imports = PostgresImportLedger(connection, self._tables)
        self.outbox = PostgresOutbox(connection, self._tables)
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self._connected().rollback()
        except psycopg.Error:
            self.close()

    def commit(self) -> None:
        with postgres_errors():
            self._connected().commit()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connected(self) -> psycopg.Connection[Any]:
        if self._connection is None or self._connection.broken:
            self.close()
            self._connection = open_postgres_connection(
                self._conninfo, self._tables, connect_timeout_seconds=self._connect_timeout_seconds
            )
        return self._connection
