from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.unit_of_work_factory import create_unit_of_work
from bench.measured_command import run_timed

IMPORT_SCHEMA = "bench_import"
STORE_COPY_SCHEMA = "bench_copy_store"
PLAIN_COPY_SCHEMA = "bench_copy_plain"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
ALL_SCHEMAS = (IMPORT_SCHEMA, STORE_COPY_SCHEMA, PLAIN_COPY_SCHEMA)
DROP_SCHEMA = sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE")
CREATE_SCHEMA = sql.SQL("CREATE SCHEMA {}")
CREATE_PLAIN_TABLE = sql.SQL(
    "CREATE TABLE {} (id bigint PRIMARY KEY, quantity integer, stock integer, price numeric,"
    " cost numeric, name text, city text, delivered_on date)"
)
COUNT_ROWS = sql.SQL("SELECT count(*) FROM {}")
STORE_COLUMNS = '(dataset, key, "values", import_id)'
PLAIN_COLUMNS = "(id, quantity, stock, price, cost, name, city, delivered_on)"


def search_path_url(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


def connect(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(url, autocommit=True)


def drop_schemas(url: str) -> None:
    with connect(url) as connection:
        for schema in ALL_SCHEMAS:
            connection.execute(DROP_SCHEMA.format(sql.Identifier(schema)))


def reset_tables(url: str) -> None:
    drop_schemas(url)
    with connect(url) as connection:
        for schema in ALL_SCHEMAS:
            connection.execute(CREATE_SCHEMA.format(sql.Identifier(schema)))
        connection.execute(CREATE_PLAIN_TABLE.format(sql.Identifier(PLAIN_COPY_SCHEMA, "items")))
    for schema in (IMPORT_SCHEMA, STORE_COPY_SCHEMA):
        create_store(search_path_url(url, schema))


def create_store(url: str) -> None:
    store = create_unit_of_work(url, per_thread=False)
    with store:
        store.records.count("__benchmark__")
    store.close()


def checkpoint(url: str) -> None:
    with connect(url) as connection:
        connection.execute("CHECKPOINT")


def count_rows(url: str, schema: str, table: str) -> int:
    with connect(url) as connection:
        row = connection.execute(COUNT_ROWS.format(sql.Identifier(schema, table))).fetchone()
    return 0 if row is None else int(row[0])


def psql_copy(url: str, copy_command: str) -> float:
    return run_timed(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", copy_command])


def copy_store_rows(url: str, path: Path) -> float:
    target = f"{STORE_COPY_SCHEMA}.records {STORE_COLUMNS}"
    return psql_copy(url, f"\\copy {target} FROM '{path}'")


def copy_plain_csv(url: str, path: Path) -> float:
    target = f"{PLAIN_COPY_SCHEMA}.items {PLAIN_COLUMNS}"
    return psql_copy(url, f"\\copy {target} FROM '{path}' WITH (FORMAT csv, HEADER true)")
