import argparse
import gc
import logging
import signal
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from shared.configuration import Settings
from tests.support.garbage_collection import restored_garbage_collection
from tests.unit.worker.cli.cli_runner import CliRunner
from worker.cli import run_command
from worker.process_tuning import YOUNG_GENERATION_THRESHOLD

HANDLED_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class FakeRuntime:
    def __init__(self, *, exit_code: int = 0, signal_to_raise: int | None = None) -> None:
        self._exit_code = exit_code
        self._signal_to_raise = signal_to_raise
        self.stop_requests = 0

    def request_stop(self) -> None:
        self.stop_requests += 1

    def run(self) -> int:
        if self._signal_to_raise is not None:
            signal.raise_signal(self._signal_to_raise)
        return self._exit_code


@pytest.fixture(autouse=True)
def restored_collector() -> Iterator[None]:
    with restored_garbage_collection():
        yield


@pytest.fixture(autouse=True)
def restored_signal_handlers() -> Iterator[None]:
    saved = {number: signal.getsignal(number) for number in HANDLED_SIGNALS}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def _serving(monkeypatch: pytest.MonkeyPatch, runtime: FakeRuntime) -> list[Settings]:
    built: list[Settings] = []

    def bootstrap(settings: Settings) -> Any:
        built.append(settings)
        return SimpleNamespace(
            worker=SimpleNamespace(runtime=runtime),
            telemetry=SimpleNamespace(close=lambda: None),
        )

    monkeypatch.setattr(run_command, "bootstrap", bootstrap)
    return built


@pytest.mark.parametrize("signal_number", HANDLED_SIGNALS, ids=["sigterm", "sigint"])
def test_should_request_a_stop_when_the_signal_arrives(
    monkeypatch: pytest.MonkeyPatch, signal_number: int
) -> None:
    runtime = FakeRuntime(signal_to_raise=signal_number)
    _serving(monkeypatch, runtime)

    run_command.run(argparse.Namespace(), Settings())

    assert runtime.stop_requests == 1


@pytest.mark.parametrize("exit_code", [0, 1], ids=["stopped", "pull-died"])
def test_should_exit_with_the_code_of_the_runtime(
    monkeypatch: pytest.MonkeyPatch, cli: CliRunner, exit_code: int
) -> None:
    _serving(monkeypatch, FakeRuntime(exit_code=exit_code))

    run = cli("run")

    assert run.exit_code == exit_code


def test_should_build_the_worker_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, cli: CliRunner
) -> None:
    monkeypatch.setenv("SHUTDOWN_GRACE_SECONDS", "3")
    built = _serving(monkeypatch, FakeRuntime())

    cli("run")

    assert [settings.shutdown_grace_seconds for settings in built] == [3.0]


def test_should_write_the_logs_of_the_worker_on_stdout(
    monkeypatch: pytest.MonkeyPatch, cli: CliRunner
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "debug")
    _serving(monkeypatch, FakeRuntime())
    monkeypatch.setattr(FakeRuntime, "run", _log_and_exit)

    run = cli("run")

    assert '"event": "runtime.ran"' in run.stdout


def _log_and_exit(self: FakeRuntime) -> int:
    logging.getLogger("tests.run").info("runtime.ran")
    return 0


def test_should_tune_the_garbage_collector_for_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    _serving(monkeypatch, FakeRuntime())

    run_command.run(argparse.Namespace(), Settings())

    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD
