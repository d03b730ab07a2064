from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from application.errors import DependencyUnavailableError, SourceUnreadableError


@contextmanager
def postgres_errors() -> Iterator[None]:
    try:
        yield
    except psycopg.OperationalError as error:
        raise DependencyUnavailableError(f"PostgreSQL is unavailable: {error}") from error


@contextmanager
def postgres_refused_values() -> Iterator[None]:
    try:
        yield
    except psycopg.DataError as error:
        reason = error.diag.message_primary or str(error)
        raise SourceUnreadableError(
            f"PostgreSQL refused a value of the source: {reason}"
        ) from error
