import psycopg
from psycopg import sql

SCHEMA = "bench_gcs"
RECREATE = (
    sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)),
    sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(SCHEMA)),
)
COUNT_RECORDS = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(SCHEMA, "records"))
DROP = sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA))


def empty_schema(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        for statement in RECREATE:
            connection.execute(statement)


def count_records(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(COUNT_RECORDS).fetchone()
    return 0 if row is None else int(row[0])


def drop_schema(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(DROP)
