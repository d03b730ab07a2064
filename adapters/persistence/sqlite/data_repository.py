import sqlite3
from collections.abc import Iterable

from adapters.persistence.record_codec import decode_values, encode_key, encode_values
from adapters.persistence.sqlite.errors import sqlite_errors
from domain.model.data_record import DataRecord, RecordKey
from domain.repository.data_repository import DataRepository

UPSERT = (
    'INSERT INTO records (dataset, key, "values", import_id) VALUES (?, ?, ?, ?)'
    ' ON CONFLICT (dataset, key) DO UPDATE SET "values" = excluded."values",'
    " import_id = excluded.import_id"
)
SELECT_ONE = 'SELECT "values", import_id FROM records WHERE dataset = ? AND key = ?'
COUNT = "SELECT count(*) FROM records WHERE dataset = ?"


class SqliteDataRepository(DataRepository):
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def upsert_all(self, records: Iterable[DataRecord]) -> int:
        rows = (
            (record.dataset, encode_key(record.key), encode_values(record.values), record.import_id)
            for record in records
        )
        with sqlite_errors():
            return self._connection.executemany(UPSERT, rows).rowcount

    def get(self, dataset: str, key: RecordKey) -> DataRecord | None:
        with sqlite_errors():
            row = self._connection.execute(SELECT_ONE, (dataset, encode_key(key))).fetchone()
        if row is None:
            return None
        return DataRecord(
            dataset=dataset, key=tuple(key), values=decode_values(row[0]), import_id=row[1]
        )

    def count(self, dataset: str) -> int:
        with sqlite_errors():
            [(total,)] = self._connection.execute(COUNT, (dataset,)).fetchall()
        return int(total)
