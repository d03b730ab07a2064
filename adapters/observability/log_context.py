from collections.abc import Iterator
from contextlib import contextmanager

import structlog


@contextmanager
def bound_log_context(**context: str) -> Iterator[None]:
    with structlog.contextvars.bound_contextvars(**context):
        yield
