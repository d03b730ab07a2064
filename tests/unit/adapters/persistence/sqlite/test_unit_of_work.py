from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.persistence.sqlite.unit_of_work import SqliteUnitOfWork
from application.errors import DependencyUnavailableError
from domain.model.data_record import DataRecord

RECORD = DataRecord(dataset="customers", key=("1",), values={"name": "Ada"}, import_id="import-1")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "var" / "db" / "records.db"


@pytest.fixture
def sut(database: Path) -> Iterator[SqliteUnitOfWork]:
    unit_of_work = SqliteUnitOfWork(database, busy_timeout_seconds=0.05)
    yield unit_of_work
    unit_of_work.close()


def test_should_create_the_directory_of_the_database(sut: SqliteUnitOfWork, database: Path) -> None:
    with sut:
        pass

    assert database.parent.is_dir()


def test_should_report_a_locked_database_as_an_unavailable_dependency(
    sut: SqliteUnitOfWork, database: Path
) -> None:
    writer = SqliteUnitOfWork(database)
    with writer:
        writer.records.upsert_all([RECORD])

        with pytest.raises(DependencyUnavailableError), sut:
            sut.records.upsert_all([RECORD])
    writer.close()


def test_should_report_an_unusable_directory_as_an_unavailable_dependency(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    sut = SqliteUnitOfWork(blocker / "records.db")

    with pytest.raises(DependencyUnavailableError), sut:
        pass


def test_should_report_an_unopenable_database_as_an_unavailable_dependency(
    tmp_path: Path,
) -> None:
    sut = SqliteUnitOfWork(tmp_path)

    with pytest.raises(DependencyUnavailableError), sut:
        pass


def test_should_close_without_having_opened(sut: SqliteUnitOfWork) -> None:
    sut.close()

    with sut:
        total = sut.records.count("customers")

    assert total == 0
