from pathlib import Path

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from adapters.persistence.sqlite.unit_of_work import SqliteUnitOfWork
from adapters.persistence.thread_local_unit_of_work import ThreadLocalUnitOfWork
from adapters.persistence.unit_of_work_factory import (
    create_unit_of_work,
    database_span_attributes,
)
from application.errors import DependencyUnavailableError
from application.ports.database_credentials import DatabaseCredentials, DatabaseLogin


@pytest.mark.parametrize(
    "database_url",
    [
        "memory://",
        "sqlite:///./var/import-worker.db",
        "sqlite:////var/lib/import-worker/records.db",
        "postgresql://worker:secret@db.internal:5432/imports",
        "postgres://worker@db.internal/imports",
    ],
    ids=["memory", "relative sqlite", "absolute sqlite", "postgresql", "postgres"],
)
def test_should_give_each_thread_its_own_unit_of_work_behind_one_object(
    database_url: str,
) -> None:
    sut = create_unit_of_work(database_url)

    assert isinstance(sut, ThreadLocalUnitOfWork)


def test_should_keep_the_records_of_a_memory_url_in_the_process() -> None:
    sut = create_unit_of_work("memory://")

    assert type(sut) is InMemoryUnitOfWork


@pytest.mark.parametrize(
    "database_url",
    [
        "postgresql://postgres@127.0.0.1:1/test?connect_timeout=2",
        "postgres://postgres@127.0.0.1:1/test?connect_timeout=2",
    ],
    ids=["postgresql", "postgres"],
)
def test_should_connect_to_the_postgresql_server_the_url_names(database_url: str) -> None:
    sut = create_unit_of_work(database_url)

    with pytest.raises(DependencyUnavailableError, match="PostgreSQL"), sut:
        pass


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


@pytest.mark.parametrize(
    ("database_url", "expected"),
    [
        ("sqlite:///./var/import-worker.db", SqliteUnitOfWork),
        ("postgresql://worker@db.internal:5432/imports", PostgresUnitOfWork),
    ],
    ids=["sqlite", "postgresql"],
)
def test_should_build_a_single_connection_unit_of_work_when_not_shared_between_threads(
    database_url: str, expected: type
) -> None:
    sut = create_unit_of_work(database_url, per_thread=False)

    assert type(sut) is expected


@pytest.mark.parametrize("database_url", ["memory://", "sqlite:///x.db"], ids=["memory", "sqlite"])
def test_should_refuse_leased_credentials_for_a_store_other_than_postgresql(
    database_url: str,
) -> None:
    with pytest.raises(ValueError, match="need a postgresql:// DATABASE_URL"):
        create_unit_of_work(database_url, credentials=UnusedCredentials())


class UnusedCredentials(DatabaseCredentials):
    def acquire(self) -> DatabaseLogin:
        raise AssertionError("never asked")

    def is_current(self, login: DatabaseLogin) -> bool:
        return True

    def release(self, login: DatabaseLogin) -> None:
        return None


@pytest.mark.parametrize(
    ("database_url", "attributes"),
    [
        ("postgresql://worker@db.internal/imports", {"db.system.name": "postgresql"}),
        ("postgres://worker@db.internal/imports", {"db.system.name": "postgresql"}),
        ("sqlite:///./var/import-worker.db", {"db.system.name": "sqlite"}),
        ("memory://", {}),
    ],
    ids=["postgresql", "postgres", "sqlite", "memory"],
)
def test_should_name_the_database_system_for_the_spans_that_write_to_it(
    database_url: str, attributes: dict[str, str]
) -> None:
    assert database_span_attributes(database_url) == attributes
