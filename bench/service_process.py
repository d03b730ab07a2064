import os
import signal
import subprocess  # nosec B404
import sys
import time
from pathlib import Path

STOP_TIMEOUT_SECONDS = 60.0
BIN = Path(sys.executable).parent


class ServiceProcess:
    """A long-running child (the worker or the raw relay), stopped with SIGTERM."""

    def __init__(self, command: list[str], *, environment: dict[str, str], log: Path) -> None:
        self._command = command
        self._environment = environment
        self._log = log
        self._process: subprocess.Popen[bytes] | None = None
        self.started = 0.0

    def start(self) -> None:
        with self._log.open("wb") as output:
            self.started = time.monotonic()
            self._process = subprocess.Popen(  # nosec B603
                self._command,
                env=self._environment,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )

    def require_alive(self) -> None:
        if self._process is None or self._process.poll() is not None:
            raise RuntimeError(f"{self._command[0]} is not running; see {self._log}")

    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def stop(self) -> int | None:
        if self._process is None:
            return None
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
        try:
            return self._process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            return self._process.wait()


def child_environment(settings: dict[str, str]) -> dict[str, str]:
    return {"PATH": os.defpath, "LC_ALL": "C.UTF-8", **settings}
