import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from application.errors import DependencyUnavailableError


@contextmanager
def sqlite_errors() -> Iterator[None]:
    try:
        yield
    except sqlite3.OperationalError as error:
        raise DependencyUnavailableError(f"SQLite is unavailable: {error}") from error
