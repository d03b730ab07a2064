import json
import signal
import subprocess  # nosec B404
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.health_client import HealthClient
from tests.e2e.worker_environment import WorkerEnvironment
from tools.pubsub_emulator import free_port

WORKER_COMMAND = Path(sys.executable).parent / "import-worker"
POLL_SECONDS = 0.1
STOP_SECONDS = 30.0

LogEvent = dict[str, Any]
LogCondition = Callable[[list[LogEvent]], bool]


class WorkerProcess:
    def __init__(self, process: subprocess.Popen[bytes], *, log_path: Path, port: int) -> None:
        self._process = process
        self.log_path = log_path
        self.health = HealthClient(port)

    @classmethod
    def start(cls, environment: WorkerEnvironment, log_path: Path) -> "WorkerProcess":
        port = free_port()
        with log_path.open("wb") as log:
            process = subprocess.Popen(  # nosec B603
                [str(WORKER_COMMAND), "run"],
                env=environment.variables(health_port=port),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        return cls(process, log_path=log_path, port=port)

    @property
    def pid(self) -> int:
        return self._process.pid

    def wait_until_answering(self, path: str, *, timeout_seconds: float = 30.0) -> None:
        self.wait_until(lambda: self.health.status(path) == 200, timeout_seconds=timeout_seconds)

    def wait_until_importing(self, *, timeout_seconds: float = 30.0) -> None:
        in_flight = "import_worker_messages_in_flight"
        self.wait_until(lambda: self.health.metric(in_flight) >= 1, timeout_seconds=timeout_seconds)

    def wait_for_log(self, condition: LogCondition, *, timeout_seconds: float) -> list[LogEvent]:
        self.wait_until(lambda: condition(self.log_events()), timeout_seconds=timeout_seconds)
        return self.log_events()

    def wait_until(self, condition: Callable[[], bool], *, timeout_seconds: float) -> None:
        deadline = time.monotonic() + timeout_seconds
        while not condition():
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise TimeoutError(f"worker {self.pid} gave up waiting; log: {self.log_tail()}")
            time.sleep(POLL_SECONDS)

    def log_events(self) -> list[LogEvent]:
        with self.log_path.open(encoding="utf-8", errors="replace") as log:
            return [event for event in map(_parsed, log) if event is not None]

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def running(self) -> bool:
        return self._process.poll() is None

    def terminate(self) -> None:
        self._process.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self._process.kill()
        self._process.wait()

    def wait(self, *, timeout_seconds: float) -> int:
        return self._process.wait(timeout=timeout_seconds)

    def stop(self) -> None:
        if not self.running():
            return
        self.terminate()
        try:
            self._process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()


def _parsed(line: str) -> LogEvent | None:
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) else None
