import contextlib

import structlog

from adapters.observability.log_context import bound_log_context


def test_should_bind_the_context_inside_the_block() -> None:
    with bound_log_context(correlation_id="c-1", import_id="i-1"):
        bound = structlog.contextvars.get_contextvars()

    assert bound == {"correlation_id": "c-1", "import_id": "i-1"}


def test_should_unbind_the_context_after_the_block() -> None:
    with bound_log_context(correlation_id="c-1"):
        pass

    assert "correlation_id" not in structlog.contextvars.get_contextvars()


def test_should_restore_the_outer_context_after_a_nested_block() -> None:
    with bound_log_context(correlation_id="outer"):
        with bound_log_context(correlation_id="inner", dataset="customers"):
            pass
        bound = structlog.contextvars.get_contextvars()

    assert bound == {"correlation_id": "outer"}


def test_should_unbind_the_context_when_the_block_raises() -> None:
    with contextlib.suppress(RuntimeError), bound_log_context(import_id="imp-9"):
        raise RuntimeError("failed inside")

    assert "import_id" not in structlog.contextvars.get_contextvars()
