from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.postgres.copy_chunk import PostgresCopyChunk
from adapters.persistence.postgres.copy_rows import COPY_STAGING, ROWS_PER_CHUNK, copy_chunks
from adapters.persistence.postgres.errors import postgres_errors, postgres_refused_values
from adapters.persistence.postgres.staged_batch import StagedBatch
from adapters.persistence.postgres.tables import PostgresTables
from adapters.persistence.record_codec import encode_key
from adapters.persistence.postgres.threaded_prefetcher import ThreadedPrefetcher
from domain.model.data_record import DataRecord, RecordKey
from domain.repository.data_repository import DataRepository

ROWS_PER_BATCH = 6 * ROWS_PER_CHUNK
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
CLEAR_STAGING = sql.SQL("TRUNCATE records_staging")
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
        self._rows_per_batch = self._rows_per_chunk * self._chunks_per_batch
        self._last_merges = self._merge_statements(FINISH_STAGING)
        self._next_merges = self._merge_statements(CLEAR_STAGING)

    def upsert_all(self, records: Iterable[DataRecord]) -> int:
        chunks = copy_chunks(records, self._rows_per_chunk, self._chunks_per_batch)
        first = next(chunks, None)
        if first is None:
            return 0
        with postgres_errors(), postgres_refused_values(), self._connection.cursor() as cursor:
            cursor.execute(PREPARE_STAGING)
            staged = self._copy_batch(cursor, first, chunks)
            if staged.last.rows_written < self._rows_per_batch:
                return self._merge(cursor, staged, set(), self._last_merges)
            with ThreadedPrefetcher(chunks, capacity=self._chunks_per_batch) as prefetched:
                written = self._merge_batches(cursor, staged, prefetched)
            cursor.execute(FINISH_STAGING)
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

    def _merge_statements(self, then: sql.Composable) -> dict[bool, sql.Composed]:
        return {
            repeats: sql.SQL("; ").join([merge_statement(self._tables, repeats), then])
            for repeats in (True, False)
        }

    def _copy_batch(
        self,
        cursor: psycopg.Cursor[Any],
        first: PostgresCopyChunk,
        rest: Iterator[PostgresCopyChunk],
    ) -> StagedBatch:
        return copy_batch(cursor, first, islice(rest, self._chunks_per_batch - 1))

    def _merge_batches(
        self, cursor: psycopg.Cursor[Any], staged: StagedBatch, rest: Iterator[PostgresCopyChunk]
    ) -> int:
        locked: set[str] = set()
        written = self._merge(cursor, staged, locked, self._next_merges)
        for first in rest:
            staged = self._copy_batch(cursor, first, rest)
            written = self._merge(cursor, staged, locked, self._next_merges)
        return written

    def _merge(
        self,
        cursor: psycopg.Cursor[Any],
        staged: StagedBatch,
        locked: set[str],
        merges: dict[bool, sql.Composed],
    ) -> int:
        self._lock(cursor, staged.datasets - locked)
        locked |= staged.datasets
        cursor.execute(merges[staged.last.batch_repeats_a_key])
        return staged.last.rows_written

    def _lock(self, cursor: psycopg.Cursor[Any], datasets: set[str]) -> None:
        if datasets:
            cursor.execute(LOCK_DATASETS, (self._tables.records.as_string(), list(datasets)))


def merge_statement(tables: PostgresTables, deduplicate: bool) -> sql.Composed:
    source = LAST_WRITE_PER_KEY if deduplicate else STAGED_ROWS
    return MERGE.format(target=tables.records, source=source)


def copy_batch(
    cursor: psycopg.Cursor[Any], first: PostgresCopyChunk, rest: Iterable[PostgresCopyChunk]
) -> StagedBatch:
    last, datasets = first, set(first.datasets)
    with cursor.copy(COPY_STAGING) as copy:
        copy.write(first.text)
        for last in rest:
            copy.write(last.text)
            datasets |= last.datasets
    return StagedBatch(last, datasets)
