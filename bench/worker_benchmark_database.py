import psycopg
from psycopg import sql

from bench.benchmark_database import search_path_url

SCHEMA = "bench_worker"
APPLICATION_NAME = "bench-worker"
BACKEND_PIDS = "SELECT pid FROM pg_stat_activity WHERE application_name = %s"
RECREATE = (
    sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)),
    sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(SCHEMA)),
)
CHECKPOINTS = "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter"
CATALOG_DEAD_TUPLES = (
    "SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_sys_tables"
    " WHERE relname IN ('pg_class', 'pg_attribute', 'pg_type', 'pg_depend')"
)
COUNT_RECORDS = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(SCHEMA, "records"))


def worker_database_url(url: str) -> str:
    return f"{search_path_url(url, SCHEMA)}&application_name={APPLICATION_NAME}"


def worker_backend_pids(url: str) -> frozenset[int]:
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute(BACKEND_PIDS, (APPLICATION_NAME,)).fetchall()
    return frozenset(int(pid) for (pid,) in rows)


def empty_schema(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        for statement in RECREATE:
            connection.execute(statement)


def count_records(url: str) -> int:
    return _number(url, COUNT_RECORDS)


def checkpoints(url: str) -> int:
    return _number(url, CHECKPOINTS)


def catalog_dead_tuples(url: str) -> int:
    return _number(url, CATALOG_DEAD_TUPLES)


def settle(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("CHECKPOINT")


def _number(url: str, query: str | sql.Composed) -> int:
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(query).fetchone()
    return 0 if row is None else int(row[0])
