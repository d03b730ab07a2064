from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.postgres.errors import postgres_errors
from adapters.persistence.postgres.tables import PostgresTables
from adapters.persistence.record_codec import decode_result, encode_result
from application.ports.import_ledger import ImportLedger
from domain.events.import_finished import ImportFinished
from domain.lifecycle.completed_import_is_final import CompletedImportIsFinal

UPSERT_UNLESS_COMPLETED = sql.SQL(
    "INSERT INTO {} AS stored (import_id, event_type, result) VALUES (%s, %s, %s::jsonb)"
    " ON CONFLICT (import_id) DO UPDATE SET event_type = EXCLUDED.event_type,"
    " result = EXCLUDED.result, recorded_at = now()"
    " WHERE stored.event_type <> %s RETURNING stored.import_id"
)
UPSERT_ALL_UNLESS_COMPLETED = sql.SQL(
    "INSERT INTO {} AS stored (import_id, event_type, result)"
    " SELECT given ->> 'import_id', given ->> 'event_type', given"
    " FROM jsonb_array_elements(%s::jsonb) AS given"
    " ON CONFLICT (import_id) DO UPDATE SET event_type = EXCLUDED.event_type,"
    " result = EXCLUDED.result, recorded_at = now()"
    " WHERE stored.event_type <> %s RETURNING stored.import_id"
)
SELECT_ONE = sql.SQL("SELECT result FROM {} WHERE import_id = %s")
SELECT_MANY = sql.SQL("SELECT import_id, result FROM {} WHERE import_id = ANY(%s::text[])")


class PostgresImportLedger(ImportLedger):
    def __init__(self, connection: psycopg.Connection[Any], tables: PostgresTables) -> None:
        self._connection = connection
        self._tables = tables

    def find(self, import_id: str) -> ImportFinished | None:
        query = SELECT_ONE.format(self._tables.imports)
        with postgres_errors():
            row = self._connection.execute(query, (import_id,)).fetchone()
        return None if row is None else decode_result(row[0])

    def add(self, result: ImportFinished) -> ImportFinished:
        query = UPSERT_UNLESS_COMPLETED.format(self._tables.imports)
        parameters = (
            result.import_id,
            result.event_type,
            encode_result(result),
            CompletedImportIsFinal.final_event_type,
        )
        with postgres_errors():
            stored = self._connection.execute(query, parameters).fetchall()
        return result if stored else self._stored(result.import_id)

    def add_all(self, results: Sequence[ImportFinished]) -> list[ImportFinished]:
        written = self._written(results) if results else set()
        kept = self._stored_many(
            [result.import_id for result in results if result.import_id not in written]
        )
        return [kept.get(result.import_id, result) for result in results]

    def _stored_many(self, import_ids: Sequence[str]) -> dict[str, ImportFinished]:
        if not import_ids:
            return {}
        query = SELECT_MANY.format(self._tables.imports)
        with postgres_errors():
            rows = self._connection.execute(query, (list(import_ids),)).fetchall()
        return {import_id: decode_result(document) for import_id, document in rows}

    def _stored(self, import_id: str) -> ImportFinished:
        query = SELECT_ONE.format(self._tables.imports)
        with postgres_errors():
            [(document,)] = self._connection.execute(query, (import_id,)).fetchall()
        return decode_result(document)

    def _written(self, results: Sequence[ImportFinished]) -> set[str]:
        query = UPSERT_ALL_UNLESS_COMPLETED.format(self._tables.imports)
        documents = ",".join(encode_result(result) for result in results)
        parameters = (f"[{documents}]", CompletedImportIsFinal.final_event_type)
        with postgres_errors():
            rows = self._connection.execute(query, parameters).fetchall()
        return {import_id for (import_id,) in rows}
