import os
import subprocess  # nosec B404
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.arrival_recorder import ArrivalRecorder
from bench.bench_pubsub import BenchPubSub
from bench.import_request_messages import ImportRequestMessages
from bench.latency_figures import full_speed_ratio, latency_figures, latency_samples, quarter_rates
from bench.latency_figures import throughput_figures
from bench.process_cpu import CpuSnapshot, Matcher, cpu_by_group, snapshot
from bench.raw_drain import RawDrain
from bench.service_process import BIN, ServiceProcess
from bench.steady_publisher import publish_steadily
from bench.worker_benchmark_database import checkpoints, settle, worker_backend_pids

REQUESTS_TOPIC = "import-requests"
RESULTS_TOPIC = "import-results"
RESULTS_SUBSCRIPTION = "bench-results"
RAW_SUBSCRIPTION = "bench-raw-drain"
RELAY_SUBSCRIPTION = "bench-raw-relay"
POLL_SECONDS = 1.0
ARRIVAL_GRACE_SECONDS = 60.0


@dataclass(frozen=True, slots=True, kw_only=True)
class LatencyPlan:
    rate: float
    seconds: float
    warmup: int


class WorkerBenchmarkRun:
    def __init__(
        self,
        *,
        pubsub: BenchPubSub,
        messages: ImportRequestMessages,
        environment: dict[str, str],
        database_url: str,
    ) -> None:
        self.database_url = database_url
        self.samples: dict[str, list[tuple[float, float]]] = {}
        self.pubsub = pubsub
        self.messages = messages
        self.environment = environment
        self.recorder: ArrivalRecorder | None = None

    def prepare(self, backlog: int) -> list[str]:
        subprocess.run(  # nosec B603
            [str(BIN / "import-worker"), "topology", "apply"],
            env=self.environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        results_path = self.pubsub.create_subscription(RESULTS_SUBSCRIPTION, RESULTS_TOPIC)
        self.recorder = ArrivalRecorder(self.pubsub.subscriber, results_path)
        self.recorder.start()
        self.pubsub.create_subscription(RAW_SUBSCRIPTION, REQUESTS_TOPIC)
        requests = self.messages.batch("throughput", backlog)
        self.pubsub.publish_all(REQUESTS_TOPIC, requests)
        return [request.import_id for request in requests]

    def raw_throughput(self, count: int, flow_control: Any, timeout: float) -> dict[str, float]:
        drain = RawDrain(self.pubsub.subscriber, self.pubsub.subscription_path(RAW_SUBSCRIPTION))
        before = snapshot()
        timing = drain.run(count, flow_control=flow_control, timeout_seconds=timeout)
        cpu = self.cpu_figures(before, set(), count, timing.last - timing.started)
        self.pubsub.delete_subscription(RAW_SUBSCRIPTION)
        figures = throughput_figures(
            count, started=timing.started, first=timing.first, last=timing.last
        )
        return {**figures, **cpu, "deliveries": timing.deliveries}

    def worker_throughput(
        self, workers: list[ServiceProcess], import_ids: list[str], timeout: float
    ) -> dict[str, float]:
        recorder = self.expect(import_ids)
        before = snapshot()
        started = start_all(workers)
        wait_for_arrivals(recorder, workers[0], timeout)
        times = sorted(recorder.arrivals.values())
        cpu = self.cpu_figures(before, pids_of(workers), len(times), times[-1] - started)
        figures = throughput_figures(
            len(import_ids), started=started, first=times[0], last=times[-1]
        )
        rates = {
            "per_second_by_quarter": quarter_rates(times),
            "full_speed_ratio": full_speed_ratio(times),
        }
        return {**figures, **cpu, **rates, "deliveries": recorder.deliveries}

    def latency(self, label: str, service: ServiceProcess, plan: LatencyPlan) -> dict[str, float]:
        settle(self.database_url)
        self.measure_latency(f"{label}-warmup", service, plan.warmup, plan.rate)
        count = max(int(plan.rate * plan.seconds), 2)
        checkpoints_before = checkpoints(self.database_url)
        figures = self.measure_latency(label, service, count, plan.rate)
        return {**figures, "checkpoints": checkpoints(self.database_url) - checkpoints_before}

    def measure_latency(
        self, phase: str, service: ServiceProcess, count: int, rate: float
    ) -> dict[str, float]:
        requests = self.messages.batch(phase, count)
        expected = [request.import_id for request in requests]
        recorder = self.expect(expected)
        published = publish_steadily(self.pubsub, REQUESTS_TOPIC, requests, rate)
        wait_for_arrivals(recorder, service, ARRIVAL_GRACE_SECONDS)
        self.samples[phase] = latency_samples(published, recorder.arrivals)
        return latency_figures(published, recorder.arrivals)

    def cpu_figures(
        self, before: CpuSnapshot, worker_pids: set[int], count: int, seconds: float
    ) -> dict[str, Any]:
        emulator_port = f"--port={self.pubsub.host.rsplit(':', 1)[-1]}"
        backends = worker_backend_pids(self.database_url)
        groups: dict[str, Matcher] = {
            "worker": lambda process: process.pid in worker_pids,
            "benchmark": lambda process: process.pid == os.getpid(),
            "worker_backends": lambda process: process.pid in backends,
            "postgres": lambda process: process.name == "postgres",
            "emulator": lambda process: process.name == "java" and emulator_port in process.command,
        }
        spent = cpu_by_group(before, snapshot(), groups)
        return {
            "cpu_ms_per_message": {name: value / count * 1000 for name, value in spent.items()},
            "machine_busy_fraction": spent["machine"] / (seconds * (os.cpu_count() or 1)),
        }

    def expect(self, import_ids: list[str]) -> ArrivalRecorder:
        if self.recorder is None:
            raise RuntimeError("prepare() starts the results subscriber")
        self.recorder.expect(import_ids)
        return self.recorder

    def close(self) -> None:
        if self.recorder is not None:
            self.recorder.stop()

    def relay_process(self, log: Path) -> ServiceProcess:
        self.pubsub.create_subscription(RELAY_SUBSCRIPTION, REQUESTS_TOPIC)
        command = [sys.executable, "-m", "bench.raw_relay", "--host", self.pubsub.host]
        command += ["--project", self.pubsub.project, "--subscription", RELAY_SUBSCRIPTION]
        command += ["--topic", RESULTS_TOPIC]
        return ServiceProcess(command, environment=self.environment, log=log)


def start_all(workers: list[ServiceProcess]) -> float:
    for worker in workers:
        worker.start()
    return min(worker.started for worker in workers)


def pids_of(workers: list[ServiceProcess]) -> set[int]:
    return {pid for pid in (worker.pid() for worker in workers) if pid is not None}


def wait_for_arrivals(recorder: ArrivalRecorder, service: ServiceProcess, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not recorder.wait(POLL_SECONDS):
        service.require_alive()
        if time.monotonic() > deadline:
            raise RuntimeError(f"{recorder.missing()} result events missing after {timeout:.0f} s")
