import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.configuration import Settings
from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.integration.worker.results_subscription import create_results_subscription
from tests.unit.worker.cli.cli_runner import CliRunner
from worker.bootstrap import bootstrap
from worker.consumer import worker_runtime
from worker.consumer.worker_runtime import WorkerRuntime

pytestmark = pytest.mark.integration


class RunningWorker:
    def __init__(self, runtime: WorkerRuntime) -> None:
        self.runtime = runtime
        self.exit_codes: list[int] = []
        self._thread = threading.Thread(target=lambda: self.exit_codes.append(runtime.run()))
        self._thread.start()

    def stop(self) -> list[int]:
        self.runtime.request_stop()
        self._thread.join(timeout=10)
        return self.exit_codes


@pytest.fixture
def worker_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.setenv("AUTH_MODE", "disabled")
    monkeypatch.setenv("HEALTH_HOST", "127.0.0.1")
    monkeypatch.setenv("HEALTH_PORT", "0")
    monkeypatch.setenv("SHUTDOWN_GRACE_SECONDS", "2")
    monkeypatch.setattr(worker_runtime, "BEAT_SECONDS", 0.05)
    return Settings()


@pytest.fixture
def running_worker(applied_topology: str, worker_settings: Settings) -> Iterator[RunningWorker]:
    worker = RunningWorker(bootstrap(worker_settings).worker.runtime)
    yield worker
    worker.stop()


def test_should_build_the_worker_without_starting_it(applied_topology: str) -> None:
    runtime = bootstrap(Settings(auth_mode="disabled", health_port=0)).worker.runtime

    assert isinstance(runtime, WorkerRuntime)


@pytest.mark.timeout(30)
def test_should_import_a_requested_file_and_publish_its_result(
    running_worker: RunningWorker,
    applied_topology: str,
    cli: CliRunner,
    customers_csv: Path,
    subscription_reader: SubscriptionReader,
) -> None:
    results = create_results_subscription(applied_topology)

    cli("request", str(customers_csv), "--dataset", "customers", "--inline")

    received = subscription_reader.read(results, timeout_seconds=10)
    assert [
        (json.loads(item.data)["event_type"], json.loads(item.data)["rows_imported"])
        for item in received
    ] == [("ImportCompleted", 2)]


@pytest.mark.timeout(30)
def test_should_exit_zero_when_asked_to_stop(running_worker: RunningWorker) -> None:
    exit_codes = running_worker.stop()

    assert exit_codes == [0]
