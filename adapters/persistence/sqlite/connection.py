import sqlite3
from pathlib import Path

from adapters.persistence.sqlite.errors import sqlite_errors
from application.errors import DependencyUnavailableError

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS records (dataset TEXT NOT NULL, key TEXT NOT NULL,"
    ' "values" TEXT NOT NULL, import_id TEXT NOT NULL, PRIMARY KEY (dataset, key))',
    "CREATE TABLE IF NOT EXISTS imports (import_id TEXT PRIMARY KEY, event_type TEXT NOT NULL,"
    " result TEXT NOT NULL, recorded_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS outbox (position INTEGER PRIMARY KEY AUTOINCREMENT,"
    " topic TEXT NOT NULL, data BLOB NOT NULL, attributes TEXT NOT NULL,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
    " published_at TEXT)",
    "CREATE INDEX IF NOT EXISTS outbox_unpublished ON outbox (position)"
    " WHERE published_at IS NULL",
)


def open_sqlite_connection(path: Path, *, busy_timeout_seconds: float) -> sqlite3.Connection:
    _create_parent(path)
    with sqlite_errors():
        connection = sqlite3.connect(
            path, timeout=busy_timeout_seconds, isolation_level=None, check_same_thread=False
        )
        _set_up(connection)
    return connection


def _set_up(connection: sqlite3.Connection) -> None:
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        for statement in SCHEMA:
            connection.execute(statement)
    except BaseException:
        connection.close()
        raise


def _create_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DependencyUnavailableError(f"SQLite directory unusable: {error}") from error
