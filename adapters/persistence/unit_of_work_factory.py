from collections.abc import Callable
from functools import partial
from urllib.parse import urlsplit

from opentelemetry.semconv.attributes.db_attributes import DB_SYSTEM_NAME

from adapters.persistence.guarded_unit_of_work import GuardedUnitOfWork
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from adapters.persistence.sqlite.unit_of_work import SqliteUnitOfWork
from adapters.persistence.thread_local_unit_of_work import ThreadLocalUnitOfWork
from application.ports.database_credentials import DatabaseCredentials
from application.ports.unit_of_work import UnitOfWork
from shared.resilience.dependency_policy import DependencyPolicy

SQLITE_PREFIX = "sqlite:///"
POSTGRES_SCHEMES = ("postgresql", "postgres")
SYSTEM_NAMES = {"postgresql": "postgresql", "postgres": "postgresql", "sqlite": "sqlite"}


def create_unit_of_work(
    database_url: str,
    *,
    per_thread: bool = True,
    credentials: DatabaseCredentials | None = None,
    policy: DependencyPolicy | None = None,
) -> UnitOfWork:
    """Per thread: safe to share between threads; else one connection for a single user.
    Leased credentials log PostgreSQL connections in, in place of the URL's user and password.
    With a policy, every transaction of the store goes through it."""
    scheme = urlsplit(database_url).scheme
    if credentials is not None and scheme not in POSTGRES_SCHEMES:
        raise ValueError("leased database credentials need a postgresql:// DATABASE_URL")
    if scheme == "memory":
        return InMemoryUnitOfWork()
    factory = _guarded(_connection_factory(database_url, scheme, credentials), policy)
    return ThreadLocalUnitOfWork(factory) if per_thread else factory()


def _guarded(
    factory: Callable[[], UnitOfWork], policy: DependencyPolicy | None
) -> Callable[[], UnitOfWork]:
    if policy is None:
        return factory
    return lambda: GuardedUnitOfWork(factory(), policy)


def _connection_factory(
    database_url: str, scheme: str, credentials: DatabaseCredentials | None
) -> Callable[[], UnitOfWork]:
    if scheme in POSTGRES_SCHEMES:
        return partial(PostgresUnitOfWork, database_url, credentials=credentials)
    if database_url.startswith(SQLITE_PREFIX) and len(database_url) > len(SQLITE_PREFIX):
        return partial(SqliteUnitOfWork, database_url.removeprefix(SQLITE_PREFIX))
    raise ValueError(
        f"unsupported database URL scheme {scheme!r}: expected memory://,"
        " sqlite:///PATH, postgresql:// or postgres://"
    )


def database_span_attributes(database_url: str) -> dict[str, str]:
    """The database conventions' db.system.name of the store, for the spans that write to it."""
    system = SYSTEM_NAMES.get(urlsplit(database_url).scheme)
    return {} if system is None else {DB_SYSTEM_NAME: system}
