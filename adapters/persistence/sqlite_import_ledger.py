import sqlite3

from adapters.persistence.record_codec import decode_result, encode_result
from adapters.persistence.sqlite_errors import sqlite_errors
from application.ports.import_ledger import ImportLedger
from domain.events.import_finished import ImportFinished

UPSERT = (
    "INSERT INTO imports (import_id, event_type, result, recorded_at)"
    " VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
    " ON CONFLICT (import_id) DO UPDATE SET event_type = excluded.event_type,"
    " result = excluded.result, recorded_at = excluded.recorded_at"
)
SELECT_ONE = "SELECT result FROM imports WHERE import_id = ?"


class SqliteImportLedger(ImportLedger):
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def find(self, import_id: str) -> ImportFinished | None:
        with sqlite_errors():
            row = self._connection.execute(SELECT_ONE, (import_id,)).fetchone()
        return None if row is None else decode_result(row[0])

    def add(self, result: ImportFinished) -> None:
        document = encode_result(result)
        with sqlite_errors():
            self._connection.execute(UPSERT, (result.import_id, result.event_type, document))
