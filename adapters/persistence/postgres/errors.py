from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors

from application.errors import DependencyUnavailableError, UnstorableRowError

REFUSED_VALUES = (psycopg.DataError, errors.ProgramLimitExceeded)
OUTAGES = (psycopg.OperationalError, errors.ReadOnlySqlTransaction)


@contextmanager
def postgres_errors() -> Iterator[None]:
    """An outage: the server gone, refusing connections, out of resources, or a read-only
    standby answering in place of the primary (a failover under way)."""
    try:
        yield
    except OUTAGES as error:
        raise DependencyUnavailableError(f"PostgreSQL is unavailable: {error}") from error


@contextmanager
def postgres_refused_values() -> Iterator[None]:
    """A value or a key PostgreSQL cannot hold (a NUL in jsonb, a key over the index's limit)."""
    try:
        yield
    except REFUSED_VALUES as error:
        reason = error.diag.message_primary or str(error)
        raise UnstorableRowError(f"PostgreSQL refused a row of the source: {reason}") from error
