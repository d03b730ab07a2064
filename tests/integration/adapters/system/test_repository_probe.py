import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from adapters.persistence.sqlite.unit_of_work import SqliteUnitOfWork
from adapters.persistence.unit_of_work_factory import create_unit_of_work
from adapters.system.repository_probe import RepositoryProbe
from adapters.system.time_bound_probe import TimeBoundProbe
from domain.health.health_status import HealthStatus

pytestmark = pytest.mark.integration

POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
UNREACHABLE_POSTGRES_URL = "postgresql://postgres@127.0.0.1:1/test"


@pytest.fixture
def postgres_unit_of_work() -> Iterator[PostgresUnitOfWork]:
    schema = f"health_probe_{uuid.uuid4().hex[:12]}"
    unit_of_work = PostgresUnitOfWork(POSTGRES_URL, schema=schema, connect_timeout_seconds=5)
    yield unit_of_work
    unit_of_work.close()
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema))
        )


@pytest.fixture
def sqlite_unit_of_work(tmp_path: Path) -> Iterator[SqliteUnitOfWork]:
    unit_of_work = SqliteUnitOfWork(tmp_path / "health.db")
    yield unit_of_work
    unit_of_work.close()


def test_should_be_up_when_postgresql_answers(postgres_unit_of_work: PostgresUnitOfWork) -> None:
    sut = RepositoryProbe(postgres_unit_of_work)

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_stay_up_across_checks_on_one_postgresql_connection(
    postgres_unit_of_work: PostgresUnitOfWork,
) -> None:
    sut = RepositoryProbe(postgres_unit_of_work)
    sut.check()

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_be_down_when_postgresql_is_unreachable() -> None:
    sut = RepositoryProbe(create_unit_of_work(UNREACHABLE_POSTGRES_URL))

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_be_down_within_its_bound_when_postgresql_is_unreachable() -> None:
    sut = TimeBoundProbe(
        RepositoryProbe(create_unit_of_work(UNREACHABLE_POSTGRES_URL)), timeout_seconds=5.0
    )

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_be_up_when_sqlite_answers(sqlite_unit_of_work: SqliteUnitOfWork) -> None:
    sut = RepositoryProbe(sqlite_unit_of_work)

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_be_up_on_sqlite_when_checked_from_the_probe_thread(
    sqlite_unit_of_work: SqliteUnitOfWork,
) -> None:
    sut = TimeBoundProbe(RepositoryProbe(sqlite_unit_of_work), timeout_seconds=5.0)

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_be_down_when_the_sqlite_directory_is_unusable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where a directory should be", encoding="utf-8")
    sut = RepositoryProbe(SqliteUnitOfWork(blocker / "health.db"))

    result = sut.check()

    assert result.status is HealthStatus.DOWN
