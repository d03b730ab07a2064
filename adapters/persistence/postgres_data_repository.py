from collections.abc import Iterable
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.postgres_copy_rows import COPY_STAGING, write_copy_rows
from adapters.persistence.postgres_errors import postgres_errors, postgres_refused_values
from adapters.persistence.postgres_tables import PostgresTables
from adapters.persistence.record_codec import encode_key
from domain.model.data_record import DataRecord, RecordKey
from domain.repository.data_repository import DataRepository

CREATE_STAGING = (
    'CREATE TEMP TABLE records_staging (seq bigint NOT NULL, dataset text COLLATE "C" NOT NULL,'
    ' key text COLLATE "C" NOT NULL, "values" jsonb NOT NULL, import_id text NOT NULL)'
    " ON COMMIT DROP"
)
WITHOUT_JIT = "SET LOCAL jit = off"
LOCK_DATASETS = (
    "SELECT pg_advisory_xact_lock(hashtext(%s), hashtext(dataset))"
    " FROM (SELECT DISTINCT dataset FROM records_staging ORDER BY dataset) AS staged"
)
MERGE = sql.SQL(
    "MERGE INTO {} AS target USING (SELECT DISTINCT ON (dataset, key) dataset, key,"
    ' "values", import_id FROM records_staging ORDER BY dataset, key, seq DESC) AS staged'
    " ON target.dataset = staged.dataset AND target.key = staged.key"
    ' WHEN MATCHED AND (target."values", target.import_id)'
    ' IS DISTINCT FROM (staged."values", staged.import_id)'
    ' THEN UPDATE SET "values" = staged."values", import_id = staged.import_id'
    ' WHEN NOT MATCHED THEN INSERT (dataset, key, "values", import_id)'
    ' VALUES (staged.dataset, staged.key, staged."values", staged.import_id)'
)
DROP_STAGING = "DROP TABLE records_staging"
SELECT_ONE = sql.SQL('SELECT "values", import_id FROM {} WHERE dataset = %s AND key = %s')
COUNT = sql.SQL("SELECT count(*) FROM {} WHERE dataset = %s")


class PostgresDataRepository(DataRepository):
    def __init__(self, connection: psycopg.Connection[Any], tables: PostgresTables) -> None:
        self._connection = connection
        self._tables = tables

    def upsert_all(self, records: Iterable[DataRecord]) -> int:
        with postgres_errors(), postgres_refused_values(), self._connection.cursor() as cursor:
            cursor.execute(CREATE_STAGING)
            with cursor.copy(COPY_STAGING) as copy:
                written = write_copy_rows(copy, records)
            cursor.execute(WITHOUT_JIT)
            cursor.execute(LOCK_DATASETS, (self._tables.records.as_string(),))
            cursor.execute(MERGE.format(self._tables.records))
            cursor.execute(DROP_STAGING)
        return written

    def get(self, dataset: str, key: RecordKey) -> DataRecord | None:
        query = SELECT_ONE.format(self._tables.records)
        with postgres_errors():
            row = self._connection.execute(query, (dataset, encode_key(key))).fetchone()
        if row is None:
            return None
        return DataRecord(dataset=dataset, key=tuple(key), values=row[0], import_id=row[1])

    def count(self, dataset: str) -> int:
        query = COUNT.format(self._tables.records)
        with postgres_errors():
            [(total,)] = self._connection.execute(query, (dataset,)).fetchall()
        return int(total)
