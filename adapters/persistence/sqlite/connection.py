import sqlite3
from pathlib import Path

from tenacity import Retrying, retry_if_exception, stop_after_delay, wait_random

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
        for attempt in _while_locked(busy_timeout_seconds):
            with attempt:
                _initialise(connection)
    return connection


def _initialise(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode=WAL")
    for statement in SCHEMA:
        connection.execute(statement)


def _while_locked(timeout_seconds: float) -> Retrying:
    return Retrying(
        retry=retry_if_exception(_is_locked),
        stop=stop_after_delay(timeout_seconds),
        wait=wait_random(0.005, 0.05),
        reraise=True,
    )


def _is_locked(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


def _create_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DependencyUnavailableError(f"SQLite directory unusable: {error}") from error
