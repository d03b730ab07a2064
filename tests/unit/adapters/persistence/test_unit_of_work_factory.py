from pathlib import Path

import pytest

from adapters.persistence.in_memory_unit_of_work import InMemoryUnitOfWork
from adapters.persistence.postgres_unit_of_work import PostgresUnitOfWork
from adapters.persistence.sqlite_unit_of_work import SqliteUnitOfWork
from adapters.persistence.unit_of_work_factory import create_unit_of_work


@pytest.mark.parametrize(
    ("database_url", "expected"),
    [
        ("memory://", InMemoryUnitOfWork),
        ("sqlite:///./var/import-worker.db", SqliteUnitOfWork),
        ("sqlite:////var/lib/import-worker/records.db", SqliteUnitOfWork),
        ("postgresql://worker:secret@db.internal:5432/imports", PostgresUnitOfWork),
        ("postgres://worker@db.internal/imports", PostgresUnitOfWork),
    ],
    ids=["memory", "relative sqlite", "absolute sqlite", "postgresql", "postgres"],
)
def test_should_choose_the_adapter_by_the_url_scheme(database_url: str, expected: type) -> None:
    sut = create_unit_of_work(database_url)

    assert type(sut) is expected


def test_should_open_the_sqlite_file_the_url_names(tmp_path: Path) -> None:
    database = tmp_path / "nested" / "records.db"
    sut = create_unit_of_work(f"sqlite:///{database}")

    with sut:
        pass

    assert database.exists()


@pytest.mark.parametrize(
    "database_url",
    ["mysql://worker:secret@db/imports", "sqlite:///", "sqlite://relative.db", "records.db"],
    ids=["unknown scheme", "sqlite without a path", "sqlite with a host", "no scheme"],
)
def test_should_refuse_an_unsupported_database_url(database_url: str) -> None:
    with pytest.raises(ValueError, match="unsupported database URL"):
        create_unit_of_work(database_url)


def refusal_of(database_url: str) -> str:
    try:
        create_unit_of_work(database_url)
    except ValueError as error:
        return str(error)
    return ""


def test_should_not_repeat_the_password_of_a_refused_url() -> None:
    message = refusal_of("mysql://worker:hunter2@db/imports")

    assert "hunter2" not in message
