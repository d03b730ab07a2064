from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.postgres.tables import PostgresTables

SCHEMA_LOCK = 7_402_115_001
CREATE_SCHEMA = sql.SQL("CREATE SCHEMA IF NOT EXISTS {}")
CREATE_RECORDS = sql.SQL(
    'CREATE TABLE IF NOT EXISTS {} (dataset text COLLATE "C" NOT NULL,'
    ' key text COLLATE "C" NOT NULL, "values" jsonb NOT NULL, import_id text NOT NULL,'
    " PRIMARY KEY (dataset, key))"
)
CREATE_IMPORTS = sql.SQL(
    "CREATE TABLE IF NOT EXISTS {} (import_id text PRIMARY KEY, event_type text NOT NULL,"
    " result jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())"
)
CREATE_OUTBOX = sql.SQL(
    "CREATE TABLE IF NOT EXISTS {} (position bigserial PRIMARY KEY, topic text NOT NULL,"
    " data bytea NOT NULL, attributes jsonb NOT NULL,"
    " created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz)"
)
CREATE_UNPUBLISHED_INDEX = sql.SQL(
    "CREATE INDEX IF NOT EXISTS {} ON {} (position) WHERE published_at IS NULL"
)


def create_postgres_schema(connection: psycopg.Connection[Any], tables: PostgresTables) -> None:
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        if tables.schema is not None:
            connection.execute(CREATE_SCHEMA.format(sql.Identifier(tables.schema)))
        connection.execute(CREATE_RECORDS.format(tables.records))
        connection.execute(CREATE_IMPORTS.format(tables.imports))
        connection.execute(CREATE_OUTBOX.format(tables.outbox))
        connection.execute(CREATE_UNPUBLISHED_INDEX.format(tables.unpublished_index, tables.outbox))
