import uuid
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from bench.benchmark_database import search_path_url

RECORDS_EXIST = "SELECT to_regclass(%s) IS NOT NULL"
COUNT_BY_IMPORT = "SELECT import_id, count(*) FROM {} GROUP BY import_id"


class BenchSchema:
    """A uniquely named PostgreSQL schema for one benchmark run, dropped at its end."""

    def __init__(self, url: str, prefix: str) -> None:
        self.url = url
        self.name = f"{prefix}_{uuid.uuid4().hex[:12]}"

    def create(self) -> None:
        self._execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(self.name)))

    def drop(self) -> None:
        self._execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(self.name)))

    def worker_url(self, address: str | None = None) -> str:
        url = self.url if address is None else _with_address(self.url, address)
        return search_path_url(url, self.name)

    def records_by_import(self) -> dict[str, int]:
        with psycopg.connect(self.url, autocommit=True) as connection:
            [(exists,)] = connection.execute(RECORDS_EXIST, (f"{self.name}.records",)).fetchall()
            if not exists:
                return {}
            query = sql.SQL(COUNT_BY_IMPORT).format(sql.Identifier(self.name, "records"))
            rows = connection.execute(query).fetchall()
        return {str(import_id): int(total) for import_id, total in rows}

    def _execute(self, statement: sql.Composed) -> None:
        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(statement)


def _with_address(url: str, address: str) -> str:
    parts = urlsplit(url)
    user = parts.netloc.rpartition("@")[0]
    netloc = f"{user}@{address}" if user else address
    return urlunsplit(parts._replace(netloc=netloc))
