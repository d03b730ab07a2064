import sqlite3
import threading
from pathlib import Path

import pytest

from adapters.persistence.sqlite.connection import open_sqlite_connection
from application.errors import DependencyUnavailableError

pytestmark = pytest.mark.integration

HELD_SECONDS = 0.3


def test_should_wait_for_another_connection_to_release_a_new_database_before_setting_it_up(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    releasing = threading.Timer(HELD_SECONDS, holder.rollback)
    releasing.start()

    connection = open_sqlite_connection(path, busy_timeout_seconds=10)

    releasing.join()
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_should_report_a_database_that_stays_locked_past_the_busy_timeout_as_unavailable(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE other (a)")
    holder.execute("BEGIN")
    holder.execute("SELECT * FROM other").fetchall()

    with pytest.raises(DependencyUnavailableError):
        open_sqlite_connection(path, busy_timeout_seconds=0.2)
    holder.rollback()
