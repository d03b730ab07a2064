import argparse
import os
import platform
import secrets
import sys
import uuid
from pathlib import Path
from typing import Any

from google.cloud import pubsub_v1

from bench.bench_pubsub import BenchPubSub
from bench.benchmark_database import DEFAULT_URL
from bench.emulator_session import emulator_host
from bench.import_request_messages import ROWS_PER_MESSAGE, ImportRequestMessages
from bench.service_process import BIN, ServiceProcess, child_environment
from bench.worker_benchmark_database import catalog_dead_tuples, count_records, empty_schema
from bench.worker_benchmark_database import worker_database_url
from bench.worker_benchmark_report import comparisons, table_lines, write_document
from bench.worker_benchmark_run import LatencyPlan, WorkerBenchmarkRun
from shared.configuration import Settings
from tests.support.pubsub_emulator import free_port

OUT = Path(__file__).resolve().parent / "out"
REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
RAW_DEFAULT_MAX_MESSAGES = 1000


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="import-worker run vs raw Pub/Sub clients")
    parser.add_argument("--requests", type=int, default=5000, help="throughput backlog")
    parser.add_argument("--rate", type=float, default=50.0, help="latency requests per second")
    parser.add_argument("--latency-seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=int, default=50, help="latency warm-up requests")
    parser.add_argument("--datasets", type=int, default=1, help="requests spread over N datasets")
    parser.add_argument("--raw-max-messages", type=int, default=RAW_DEFAULT_MAX_MESSAGES)
    parser.add_argument("--timeout-seconds", type=float, default=900.0)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--output", type=Path, default=OUT / "worker-benchmark.json")
    parser.add_argument("--profile", type=Path, help="run the worker under cProfile, into PATH")
    parser.add_argument("--profile-clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument(
        "--worker-setting", action="append", default=[], metavar="NAME=VALUE", dest="settings"
    )
    return parser.parse_args(argv)


def worker_environment(arguments: argparse.Namespace, host: str, project: str) -> dict[str, str]:
    overrides = dict(setting.split("=", 1) for setting in arguments.settings)
    return child_environment(
        {
            "PYTHONPATH": str(REPOSITORY_ROOT),
            "GOOGLE_CLOUD_PROJECT": project,
            "PUBSUB_EMULATOR_HOST": host,
            "DATABASE_URL": worker_database_url(arguments.url),
            "AUTH_JWT_SECRET": arguments.secret,
            "HEALTH_HOST": "127.0.0.1",
            "HEALTH_PORT": str(free_port()),
            "LOG_LEVEL": "WARNING",
            **overrides,
        }
    )


def worker_command(arguments: argparse.Namespace) -> list[str]:
    if arguments.profile is None:
        return [str(BIN / "import-worker"), "run"]
    profile = ["--output", str(arguments.profile.resolve()), "--clock", arguments.profile_clock]
    return [sys.executable, "-m", "bench.profile_worker", *profile]


def measure(arguments: argparse.Namespace, run: WorkerBenchmarkRun) -> dict[str, Any]:
    import_ids = run.prepare(arguments.requests)
    flow_control = pubsub_v1.types.FlowControl(max_messages=arguments.raw_max_messages)
    raw = run.raw_throughput(arguments.requests, flow_control, arguments.timeout_seconds)
    plan = LatencyPlan(
        rate=arguments.rate, seconds=arguments.latency_seconds, warmup=arguments.warmup
    )
    worker = ServiceProcess(
        worker_command(arguments), environment=run.environment, log=OUT / "worker.log"
    )
    try:
        worker_figures = run.worker_throughput(worker, import_ids, arguments.timeout_seconds)
        worker_latency = run.latency("worker", worker, plan)
    finally:
        worker_exit = worker.stop()
    relay = run.relay_process(OUT / "relay.log")
    relay.start()
    try:
        relay_latency = run.latency("relay", relay, plan)
    finally:
        relay.stop()
    return {
        "throughput": {"worker": worker_figures, "raw_subscriber": raw},
        "latency": {"worker": worker_latency, "relay": relay_latency},
        "worker_exit_code": worker_exit,
    }


def settings_document(arguments: argparse.Namespace, environment: dict[str, str]) -> dict[str, Any]:
    return {
        "requests": arguments.requests,
        "rate": arguments.rate,
        "latency_seconds": arguments.latency_seconds,
        "warmup": arguments.warmup,
        "rows_per_request": ROWS_PER_MESSAGE,
        "datasets": arguments.datasets,
        "streams": {"worker": 1, "raw_subscriber": 1, "raw_relay": 1},
        "worker_max_outstanding_messages": environment.get("PUBSUB_MAX_OUTSTANDING_MESSAGES", "10"),
        "worker_callback_threads": environment.get("PUBSUB_CALLBACK_THREADS", "10"),
        "raw_max_outstanding_messages": arguments.raw_max_messages,
        "worker_settings": arguments.settings,
        "profiled": None if arguments.profile is None else arguments.profile_clock,
    }


def run_benchmark(arguments: argparse.Namespace, host: str) -> dict[str, Any]:
    project = f"bench-worker-{uuid.uuid4().hex[:8]}"
    environment = worker_environment(arguments, host, project)
    pubsub = BenchPubSub(host=host, project=project)
    messages = ImportRequestMessages(
        secret=arguments.secret, run_id=uuid.uuid4().hex[:8], datasets=arguments.datasets
    )
    run = WorkerBenchmarkRun(
        pubsub=pubsub,
        messages=messages,
        environment=environment,
        database_url=arguments.url,
    )
    try:
        figures = measure(arguments, run)
    finally:
        run.close()
        pubsub.close()
    write_document(arguments.output.with_suffix(".samples.json"), run.samples)
    return {**figures, "settings": settings_document(arguments, environment)}


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    arguments.secret = secrets.token_hex(32)
    OUT.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    empty_schema(arguments.url)
    catalog_before = catalog_dead_tuples(arguments.url)
    with emulator_host(Settings().pubsub_emulator_host) as host:
        document = run_benchmark(arguments, host)
    imported = (
        arguments.requests + arguments.warmup + int(arguments.rate * arguments.latency_seconds)
    )
    document["records_stored"] = count_records(arguments.url)
    document["catalog_dead_tuples"] = {
        "before": catalog_before,
        "after": catalog_dead_tuples(arguments.url),
    }
    document["records_expected"] = imported * ROWS_PER_MESSAGE
    document["verdict"] = comparisons(document)
    document["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
    document["load_average_before"] = load_before
    document["load_average_after"] = os.getloadavg()
    print("\n".join(table_lines(document)))
    write_document(arguments.output, document)
    print(f"written: {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
