import time
from dataclasses import dataclass
from pathlib import Path

from bench.gcs_bench_worker import wait_until_ready
from bench.resilience_bench import ResilienceBench
from bench.service_process import ServiceProcess

READY_SECONDS = 120.0


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplicaRun:
    worker: ServiceProcess
    port: str
    log: Path


@dataclass(frozen=True, slots=True, kw_only=True)
class Kill:
    replica: int
    at: float
    log: Path


class ReplicaSet:
    """import-worker run replicas on one subscription; each run of a replica logs to a file of
    its own, so a killed run's log stays whole."""

    def __init__(self, bench: ResilienceBench, *, count: int, directory: Path) -> None:
        self._bench = bench
        self._directory = directory
        self._count = count
        self._current: list[ReplicaRun] = []
        self.logs: list[Path] = []

    def start(self) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        for stale in self._directory.glob("replica-*.log"):
            stale.unlink()
        self._current = [self._launch(replica) for replica in range(self._count)]
        for run in self._current:
            wait_until_ready(run.worker, run.port, READY_SECONDS)

    def kill_and_restart(self, replica: int) -> Kill:
        killed = self._current[replica]
        killed.worker.kill()
        kill = Kill(replica=replica, at=time.time(), log=killed.log)
        self._current[replica] = self._launch(replica)
        return kill

    def require_alive(self) -> None:
        for run in self._current:
            run.worker.require_alive()

    def stop(self) -> list[int | None]:
        return [run.worker.stop() for run in self._current]

    def _launch(self, replica: int) -> ReplicaRun:
        log = self._directory / f"replica-{replica}-run-{len(self.logs):03d}.log"
        worker, port = self._bench.launch_worker(log)
        self.logs.append(log)
        return ReplicaRun(worker=worker, port=port, log=log)
