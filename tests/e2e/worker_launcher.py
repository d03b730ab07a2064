from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from tests.e2e.worker_environment import WorkerEnvironment
from tests.e2e.worker_process import WorkerProcess


class WorkerLauncher:
    def __init__(
        self,
        *,
        project_id: str,
        emulator_host: str,
        database_url: str,
        allowed_root: Path,
        overrides: Mapping[str, str],
        log_directory: Path,
    ) -> None:
        self._environment = WorkerEnvironment(
            project_id=project_id,
            emulator_host=emulator_host,
            database_url=database_url,
            allowed_root=allowed_root,
            overrides=overrides,
        )
        self._log_directory = log_directory
        self._started: list[WorkerProcess] = []

    def start(self, name: str, *, overrides: Mapping[str, str] | None = None) -> WorkerProcess:
        log_path = self._log_directory / f"{name}-{len(self._started)}.log"
        merged = {**self._environment.overrides, **(overrides or {})}
        worker = WorkerProcess.start(replace(self._environment, overrides=merged), log_path)
        self._started.append(worker)
        return worker

    def start_ready(
        self,
        name: str,
        *,
        probe_path: str = "/readyz",
        overrides: Mapping[str, str] | None = None,
    ) -> WorkerProcess:
        worker = self.start(name, overrides=overrides)
        worker.wait_until_answering(probe_path)
        return worker

    def stop_all(self) -> None:
        running = [worker for worker in self._started if worker.running()]
        for worker in running:
            worker.terminate()
        for worker in running:
            worker.stop()
