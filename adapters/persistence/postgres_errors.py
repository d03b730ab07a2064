from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from application.errors import DependencyUnavailableError


@contextmanager
def postgres_errors() -> Iterator[None]:
    try:
        yield
    except psycopg.OperationalError as error:
        raise DependencyUnavailableError(f"PostgreSQL is unavailable: {error}") from error
