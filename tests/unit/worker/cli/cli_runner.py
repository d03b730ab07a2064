import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
import structlog

from worker.cli.main import main


@dataclass(frozen=True, slots=True, kw_only=True)
class CliRun:
    exit_code: int
    stdout: str
    stderr: str

    def document(self) -> Any:
        return json.loads(self.stdout)


class CliRunner:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, *arguments: str) -> CliRun:
        self._capsys.readouterr()
        exit_code = main(list(arguments))
        captured = self._capsys.readouterr()
        return CliRun(exit_code=exit_code, stdout=captured.out, stderr=captured.err)


@contextmanager
def preserved_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    try:
        yield
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        structlog.reset_defaults()
