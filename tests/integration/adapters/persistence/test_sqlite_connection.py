import sqlite3
import threading
from pathlib import Path

import pytest

from adapters.persistence.sqlite.connection import open_sqlite_connection
from adapters.persistence.unit_of_work_factory import create_unit_of_work
from application.errors import DependencyUnavailableError
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings
from worker.composition.resilience import is_outage

pytestmark = pytest.mark.integration

HELD_SECONDS = 0.3
PATIENT_STORE = DependencyPolicy(
    "store",
    PolicySettings(attempts=40, first_backoff_seconds=0.05, max_backoff_seconds=0.05),
    transient=is_outage,
    refused=DependencyUnavailableError,
)


def test_should_wait_for_another_connection_to_release_a_new_database_before_setting_it_up(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    releasing = threading.Timer(HELD_SECONDS, holder.rollback)
    releasing.start()

    store = create_unit_of_work(f"sqlite:///{path}", per_thread=False, policy=PATIENT_STORE)

    with store:
        releasing.join()
        assert store.records.count("customers") == 0


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
