import sqlite3

from adapters.persistence.record_codec import decode_result, encode_result
from adapters.persistence.sqlite.errors import sqlite_errors
from application.ports.import_ledger import ImportLedger
from domain.events.import_finished import ImportFinished
from domain.lifecycle.completed_import_is_final import CompletedImportIsFinal

UPSERT_UNLESS_COMPLETED = (
    "INSERT INTO imports (import_id, event_type, result, recorded_at)"
    " VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
    " ON CONFLICT (import_id) DO UPDATE SET event_type = excluded.event_type,"
    " result = excluded.result, recorded_at = excluded.recorded_at"
    " WHERE imports.event_type <> ? RETURNING result"
)
SELECT_ONE = "SELECT result FROM imports WHERE import_id = ?"


class SqliteImportLedger(ImportLedger):
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def find(self, import_id: str) -> ImportFinished | None:
        with sqlite_errors():
            row = self._connection.execute(SELECT_ONE, (import_id,)).fetchone()
        return None if row is None else decode_result(row[0])

    def add(self, result: ImportFinished) -> ImportFinished:
        parameters = (
            result.import_id,
            result.event_type,
            encode_result(result),
            CompletedImportIsFinal.final_event_type,
        )
        with sqlite_errors():
            stored = self._connection.execute(UPSERT_UNLESS_COMPLETED, parameters).fetchall()
        return result if stored else self._stored(result.import_id)

    def _stored(self, import_id: str) -> ImportFinished:
        with sqlite_errors():
            [(document,)] = self._connection.execute(SELECT_ONE, (import_id,)).fetchall()
        return decode_result(document)
