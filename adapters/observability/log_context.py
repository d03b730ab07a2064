from collections.abc import Iterator
from contextlib import contextmanager

import structlog


@contextmanager
def bound_log_context(**context: str) -> Iterator[None]:
    tokens = structlog.contextvars.bind_contextvars(**context)
    try:
        yield
    finally:
        structlog.contextvars.reset_contextvars(**tokens)
