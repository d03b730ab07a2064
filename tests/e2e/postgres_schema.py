import uuid
from typing import Any

import psycopg
from psycopg import sql

POSTGRES_HOST = "127.0.0.1"
POSTGRES_PORT = 5432
POSTGRES_URL = f"postgresql://postgres@{POSTGRES_HOST}:{POSTGRES_PORT}/test"
COUNT = "SELECT count(*) FROM {} WHERE dataset = %s"
COUNT_BY_IMPORT = "SELECT import_id, count(*) FROM {} WHERE dataset = %s GROUP BY import_id"
VALUES = 'SELECT "values" FROM {} WHERE dataset = %s ORDER BY key'
RECORDS_EXIST = "SELECT to_regclass(%s) IS NOT NULL"


class PostgresSchema:
    def __init__(self, name: str) -> None:
        self.name = name
        self.database_url = self.database_url_through(POSTGRES_PORT)
        self._records = sql.Identifier(name, "records")

    @classmethod
    def create(cls) -> "PostgresSchema":
        schema = cls(f"e2e_{uuid.uuid4().hex[:16]}")
        schema._execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema.name)))
        return schema

    def database_url_through(self, port: int) -> str:
        address = f"postgresql://postgres@{POSTGRES_HOST}:{port}/test"
        return f"{address}?options=-csearch_path%3D{self.name}"

    def drop(self) -> None:
        self._execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(self.name)))

    def count_records(self, dataset: str) -> int:
        rows = self._records_query(COUNT, dataset)
        return int(rows[0][0]) if rows else 0

    def count_records_by_import(self, dataset: str) -> dict[str, int]:
        return {
            str(import_id): int(total)
            for import_id, total in self._records_query(COUNT_BY_IMPORT, dataset)
        }

    def record_values(self, dataset: str) -> list[Any]:
        return [values for (values,) in self._records_query(VALUES, dataset)]

    def _records_query(self, template: str, dataset: str) -> list[tuple[Any, ...]]:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            [(exists,)] = connection.execute(RECORDS_EXIST, (f"{self.name}.records",)).fetchall()
            if not exists:
                return []
            query = sql.SQL(template).format(self._records)
            return connection.execute(query, (dataset,)).fetchall()

    def _execute(self, statement: sql.Composed) -> None:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(statement)
