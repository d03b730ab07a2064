import subprocess  # nosec B404
import time
from dataclasses import dataclass

from tests.e2e.worker_process import WorkerProcess

POLL_SECONDS = 0.05
DRAINING_STATUS = 503


@dataclass(frozen=True, slots=True, kw_only=True)
class Shutdown:
    sigterm_at: float
    readiness_while_draining: int | None
    exit_code: int | None
    seconds_to_exit: float


def terminate_and_observe(worker: WorkerProcess, *, timeout_seconds: float) -> Shutdown:
    sigterm_at = time.time()
    started = time.monotonic()
    worker.terminate()
    readiness = _readiness_while_draining(worker, deadline=started + timeout_seconds)
    exit_code = _exit_code(worker, timeout_seconds=started + timeout_seconds - time.monotonic())
    return Shutdown(
        sigterm_at=sigterm_at,
        readiness_while_draining=readiness,
        exit_code=exit_code,
        seconds_to_exit=time.monotonic() - started,
    )


def _readiness_while_draining(worker: WorkerProcess, *, deadline: float) -> int | None:
    status = worker.health.status("/readyz")
    while status not in (DRAINING_STATUS, None) and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        status = worker.health.status("/readyz")
    return status


def _exit_code(worker: WorkerProcess, *, timeout_seconds: float) -> int | None:
    try:
        return worker.wait(timeout_seconds=max(timeout_seconds, 0.0))
    except subprocess.TimeoutExpired:
        return None
