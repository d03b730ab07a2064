from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import chain, islice
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.postgres_copy_chunk import PostgresCopyChunk
from adapters.persistence.postgres_copy_rows import COPY_STAGING, ROWS_PER_CHUNK, copy_chunks
from adapters.persistence.postgres_errors import postgres_errors, postgres_refused_values
from adapters.persistence.postgres_tables import PostgresTables
from adapters.persistence.record_codec import encode_key
from adapters.persistence.threaded_prefetcher import ThreadedPrefetcher
from domain.model.data_record import DataRecord, RecordKey
from domain.repository.data_repository import DataRepository

ROWS_PER_BATCH = 12 * ROWS_PER_CHUNK
WITHOUT_JIT = "SET LOCAL jit = off"
CREATE_STAGING = (
    'CREATE TEMP TABLE records_staging (seq bigint NOT NULL, dataset text COLLATE "C" NOT NULL,'
    ' key text COLLATE "C" NOT NULL, "values" jsonb NOT NULL, import_id text NOT NULL)'
    " ON COMMIT DROP"
)
NESTED_LOOP_JOINS = "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off"
DEFAULT_JOINS = "SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT"
DROP_STAGING = "DROP TABLE records_staging"
PREPARE_STAGING = sql.SQL("; ").join(map(sql.SQL, (WITHOUT_JIT, NESTED_LOOP_JOINS, CREATE_STAGING)))
FINISH_STAGING = sql.SQL("; ").join(map(sql.SQL, (DROP_STAGING, DEFAULT_JOINS)))
LOCK_DATASETS = (
    "SELECT pg_advisory_xact_lock(hashtext(%s), hashtext(dataset)) FROM (SELECT dataset"
    ' FROM unnest(%s::text[]) AS dataset ORDER BY dataset COLLATE "C") AS listed'
)
MERGE = sql.SQL(
    "MERGE INTO {target} AS target USING {source} AS staged"
    " ON target.dataset = staged.dataset AND target.key = staged.key"
    ' WHEN MATCHED AND (target."values", target.import_id)'
    ' IS DISTINCT FROM (staged."values", staged.import_id)'
    ' THEN UPDATE SET "values" = staged."values", import_id = staged.import_id'
    ' WHEN NOT MATCHED THEN INSERT (dataset, key, "values", import_id)'
    ' VALUES (staged.dataset, staged.key, staged."values", staged.import_id)'
)
LAST_WRITE_PER_KEY = sql.SQL(
    '(SELECT DISTINCT ON (dataset, key) dataset, key, "values", import_id'
    " FROM records_staging ORDER BY dataset, key, seq DESC)"
)
STAGED_ROWS = sql.SQL("records_staging")
SELECT_ONE = sql.SQL('SELECT "values", import_id FROM {} WHERE dataset = %s AND key = %s')
COUNT = sql.SQL("SELECT count(*) FROM {} WHERE dataset = %s")


class PostgresDataRepository(DataRepository):
    def __init__(
        self,
        connection: psycopg.Connection[Any],
        tables: PostgresTables,
        *,
        rows_per_batch: int = ROWS_PER_BATCH,
    ) -> None:
        self._connection = connection
        self._tables = tables
        self._rows_per_chunk = min(ROWS_PER_CHUNK, rows_per_batch)
        self._chunks_per_batch = -(-rows_per_batch // self._rows_per_chunk)
        self._merges = {
            repeats: sql.SQL("; ").join([merge_statement(tables, repeats), FINISH_STAGING])
            for repeats in (True, False)
        }

    def upsert_all(self, records: Iterable[DataRecord]) -> int:
        chunks = copy_chunks(records, self._rows_per_chunk, self._chunks_per_batch)
        first = next(chunks, None)
        if first is None:
            return 0
        with self._chunk_source(first, chunks) as source, postgres_errors():
            with postgres_refused_values(), self._connection.cursor() as cursor:
                return self._merge_batches(cursor, iter(source))

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

    def _chunk_source(
        self, first: PostgresCopyChunk, rest: Iterator[PostgresCopyChunk]
    ) -> AbstractContextManager[Iterable[PostgresCopyChunk]]:
        chunks = chain([first], rest)
        if first.rows_written < self._rows_per_chunk:
            return nullcontext(chunks)
        return ThreadedPrefetcher(chunks, capacity=self._chunks_per_batch)

    def _merge_batches(
        self, cursor: psycopg.Cursor[Any], chunks: Iterator[PostgresCopyChunk]
    ) -> int:
        written = 0
        locked: set[str] = set()
        for first in chunks:
            cursor.execute(PREPARE_STAGING)
            last, datasets = copy_batch(cursor, first, islice(chunks, self._chunks_per_batch - 1))
            self._lock(cursor, datasets - locked)
            locked |= datasets
            cursor.execute(self._merges[last.batch_repeats_a_key])
            written = last.rows_written
        return written

    def _lock(self, cursor: psycopg.Cursor[Any], datasets: set[str]) -> None:
        if datasets:
            cursor.execute(LOCK_DATASETS, (self._tables.records.as_string(), list(datasets)))


def merge_statement(tables: PostgresTables, deduplicate: bool) -> sql.Composed:
    source = LAST_WRITE_PER_KEY if deduplicate else STAGED_ROWS
    return MERGE.format(target=tables.records, source=source)


def copy_batch(
    cursor: psycopg.Cursor[Any], first: PostgresCopyChunk, rest: Iterable[PostgresCopyChunk]
) -> tuple[PostgresCopyChunk, set[str]]:
    last, datasets = first, set(first.datasets)
    with cursor.copy(COPY_STAGING) as copy:
        copy.write(first.text)
        for last in rest:
            copy.write(last.text)
            datasets |= last.datasets
    return last, datasets
