from functools import partial
from urllib.parse import urlsplit

from adapters.persistence.in_memory_unit_of_work import InMemoryUnitOfWork
from adapters.persistence.postgres_unit_of_work import PostgresUnitOfWork
from adapters.persistence.sqlite_unit_of_work import SqliteUnitOfWork
from adapters.persistence.thread_local_unit_of_work import ThreadLocalUnitOfWork
from application.ports.unit_of_work import UnitOfWork

SQLITE_PREFIX = "sqlite:///"
POSTGRES_SCHEMES = ("postgresql", "postgres")


def create_unit_of_work(database_url: str) -> UnitOfWork:
    scheme = urlsplit(database_url).scheme
    if scheme == "memory":
        return InMemoryUnitOfWork()
    if scheme in POSTGRES_SCHEMES:
        return ThreadLocalUnitOfWork(partial(PostgresUnitOfWork, database_url))
    if database_url.startswith(SQLITE_PREFIX) and len(database_url) > len(SQLITE_PREFIX):
        path = database_url.removeprefix(SQLITE_PREFIX)
        return ThreadLocalUnitOfWork(partial(SqliteUnitOfWork, path))
    raise ValueError(
        f"unsupported database URL scheme {scheme!r}: expected memory://,"
        " sqlite:///PATH, postgresql:// or postgres://"
    )
