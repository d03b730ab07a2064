from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from adapters.persistence.sqlite.unit_of_work import SqliteUnitOfWork
from application.ports.unit_of_work import UnitOfWork

UnitOfWorkOpener = Callable[[], UnitOfWork]
BACKENDS = ["memory", "sqlite", "postgres"]
SKIPPING_BACKENDS = ["memory", "postgres"]


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def open_unit_of_work(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[UnitOfWorkOpener]:
    yield from _tracked(_opener(request, tmp_path))


@pytest.fixture(params=SKIPPING_BACKENDS, ids=SKIPPING_BACKENDS)
def open_skipping_unit_of_work(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[UnitOfWorkOpener]:
    yield from _tracked(_opener(request, tmp_path))


@pytest.fixture
def uow(open_unit_of_work: UnitOfWorkOpener) -> UnitOfWork:
    return open_unit_of_work()


def _tracked(opener: UnitOfWorkOpener) -> Iterator[UnitOfWorkOpener]:
    opened: list[UnitOfWork] = []

    def open_one() -> UnitOfWork:
        opened.append(opener())
        return opened[-1]

    yield open_one
    for unit_of_work in opened:
        if isinstance(unit_of_work, SqliteUnitOfWork | PostgresUnitOfWork):
            unit_of_work.close()


def _opener(request: pytest.FixtureRequest, tmp_path: Path) -> UnitOfWorkOpener:
    if request.param == "memory":
        store = InMemoryStore()
        return lambda: InMemoryUnitOfWork(store)
    if request.param == "sqlite":
        return lambda: SqliteUnitOfWork(tmp_path / "store" / "records.db")
    url: str = request.getfixturevalue("postgres_url")
    schema: str = request.getfixturevalue("postgres_schema")
    return lambda: PostgresUnitOfWork(url, schema=schema)
