from typing import Any
from unittest.mock import create_autospec

import psycopg
import pytest

from adapters.persistence.postgres.import_ledger import PostgresImportLedger
from adapters.persistence.postgres.tables import PostgresTables


@pytest.fixture
def connection() -> Any:
    return create_autospec(psycopg.Connection, instance=True)


@pytest.fixture
def sut(connection: Any) -> PostgresImportLedger:
    return PostgresImportLedger(connection, PostgresTables())


def test_should_not_query_postgres_when_recording_no_results(
    sut: PostgresImportLedger, connection: Any
) -> None:
    sut.add_all([])

    assert connection.method_calls == []
