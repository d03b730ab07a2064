import subprocess  # nosec B404
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.arrival_recorder import ArrivalRecorder
from bench.bench_pubsub import BenchPubSub, OutgoingMessage
from bench.latency_figures import throughput_figures
from bench.service_process import BIN, ServiceProcess
from bench.worker_benchmark_run import wait_for_arrivals

REQUESTS_TOPIC = "import-requests"
RESULTS_TOPIC = "import-results"
RESULTS_SUBSCRIPTION = "bench-cache-results"
WORKER_SUBSCRIPTION = "import-requests-worker"
CACHE_RESULTS = ("hit", "miss", "error")


@dataclass(frozen=True, slots=True, kw_only=True)
class RepeatPlan:
    """A backlog of requests for imports already completed, drained by a fresh worker."""

    requests: list[OutgoingMessage]
    timeout_seconds: float
    log_directory: Path


class RepeatedRequests:
    def __init__(self, pubsub: BenchPubSub, environment: dict[str, str]) -> None:
        self._pubsub = pubsub
        self._environment = environment
        subprocess.run(  # nosec B603
            [str(BIN / "import-worker"), "topology", "apply"],
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        pubsub.delete_subscription(WORKER_SUBSCRIPTION)
        path = pubsub.create_subscription(RESULTS_SUBSCRIPTION, RESULTS_TOPIC)
        self._recorder = ArrivalRecorder(pubsub.subscriber, path)
        self._recorder.start()

    def drain(self, label: str, plan: RepeatPlan, environment: dict[str, str]) -> dict[str, Any]:
        """Publishes the backlog on a subscription of the run's own (the emulator may still send
        new messages to a stopped worker's stream), then times a new worker until every result
        event arrived."""
        subscription = f"bench-cache-requests-{label}"
        self._pubsub.create_subscription(subscription, REQUESTS_TOPIC)
        self._recorder.expect([request.import_id for request in plan.requests])
        self._pubsub.publish_all(REQUESTS_TOPIC, plan.requests)
        worker = ServiceProcess(
            [str(BIN / "import-worker"), "run"],
            environment={**environment, "IMPORT_REQUESTS_SUBSCRIPTION": subscription},
            log=plan.log_directory / f"cache-benchmark-{label}.log",
        )
        worker.start()
        try:
            wait_for_arrivals(self._recorder, worker, plan.timeout_seconds)
            requests = cache_requests(environment["HEALTH_PORT"])
        finally:
            exit_code = worker.stop()
            self._pubsub.delete_subscription(subscription)
        times = sorted(self._recorder.arrivals.values())
        figures = throughput_figures(
            len(times), started=worker.started, first=times[0], last=times[-1]
        )
        return {**figures, "cache_requests": requests, "worker_exit_code": exit_code}

    def close(self) -> None:
        self._recorder.stop()


def cache_requests(port: str) -> dict[str, float]:
    address = f"http://127.0.0.1:{port}/metrics"
    with urllib.request.urlopen(address, timeout=5) as response:  # nosec B310
        lines = response.read().decode().splitlines()
    return {result: _sample(lines, result) for result in CACHE_RESULTS}


def _sample(lines: list[str], result: str) -> float:
    prefix = f'import_worker_cache_requests_total{{result="{result}"}} '
    values = [float(line.removeprefix(prefix)) for line in lines if line.startswith(prefix)]
    return values[0] if values else 0.0
