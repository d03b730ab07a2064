import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog

from adapters.observability.structlog_logging import configure_logging


class LogCapture:
    def __init__(self) -> None:
        self.stream = io.StringIO()

    def lines(self) -> list[str]:
        return self.stream.getvalue().splitlines()

    def documents(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.lines()]

    def last(self) -> dict[str, Any]:
        return self.documents()[-1]


@contextmanager
def configured_logging(*, level: str = "INFO", log_format: str = "json") -> Iterator[LogCapture]:
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    capture = LogCapture()
    configure_logging(level=level, log_format=log_format, stream=capture.stream)
    try:
        yield capture
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        structlog.reset_defaults()
