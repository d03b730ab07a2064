from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from adapters.persistence.postgres.errors import postgres_errors
from adapters.persistence.postgres.schema import create_postgres_schema
from adapters.persistence.postgres.tables import PostgresTables


def open_postgres_connection(
    conninfo: str, tables: PostgresTables, *, connect_timeout_seconds: int
) -> psycopg.Connection[Any]:
    with postgres_errors():
        connection = psycopg.connect(
            with_connect_timeout(conninfo, connect_timeout_seconds), client_encoding="UTF8"
        )
    try:
        with postgres_errors():
            create_postgres_schema(connection, tables)
    except BaseException:
        connection.close()
        raise
    return connection


def with_connect_timeout(conninfo: str, seconds: int) -> str:
    if "connect_timeout" in conninfo_to_dict(conninfo):
        return conninfo
    return make_conninfo(conninfo, connect_timeout=seconds)
