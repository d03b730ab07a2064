import sqlite3

import pytest

from adapters.persistence.sqlite.errors import sqlite_errors
from application.errors import DependencyUnavailableError


def test_should_report_an_operational_error_as_an_unavailable_dependency() -> None:
    with pytest.raises(DependencyUnavailableError), sqlite_errors():
        raise sqlite3.OperationalError("database is locked")


def test_should_let_other_errors_through() -> None:
    with pytest.raises(sqlite3.IntegrityError), sqlite_errors():
        raise sqlite3.IntegrityError("NOT NULL constraint failed")
