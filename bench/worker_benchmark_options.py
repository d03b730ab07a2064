import argparse
import sys
from pathlib import Path
from typing import Any

from bench.benchmark_database import DEFAULT_URL
from bench.import_request_messages import ROWS_PER_MESSAGE
from bench.service_process import BIN, child_environment
from bench.worker_benchmark_database import worker_database_url
from tools.pubsub_emulator import free_port

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
    parser.add_argument(
        "--processes", type=int, default=1, help="worker processes on the one subscription"
    )
    parser.add_argument("--raw-max-messages", type=int, default=RAW_DEFAULT_MAX_MESSAGES)
    parser.add_argument("--timeout-seconds", type=float, default=900.0)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--output", type=Path, default=OUT / "worker-benchmark.json")
    parser.add_argument("--profile", type=Path, help="run the worker under cProfile, into PATH")
    parser.add_argument("--profile-clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument(
        "--trace-export",
        action="store_true",
        help="the worker exports every span (all sampled) and its metrics over OTLP/gRPC"
        " to a receiver in this process",
    )
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


def settings_document(arguments: argparse.Namespace, environment: dict[str, str]) -> dict[str, Any]:
    return {
        "requests": arguments.requests,
        "rate": arguments.rate,
        "latency_seconds": arguments.latency_seconds,
        "warmup": arguments.warmup,
        "rows_per_request": ROWS_PER_MESSAGE,
        "datasets": arguments.datasets,
        "streams": {"worker": arguments.processes, "raw_subscriber": 1, "raw_relay": 1},
        "worker_processes": arguments.processes,
        "worker_max_outstanding_messages": environment.get("PUBSUB_MAX_OUTSTANDING_MESSAGES", "10"),
        "worker_callback_threads": environment.get("PUBSUB_CALLBACK_THREADS", "10"),
        "raw_max_outstanding_messages": arguments.raw_max_messages,
        "worker_settings": arguments.settings,
        "profiled": None if arguments.profile is None else arguments.profile_clock,
        "trace_export": arguments.trace_export,
    }
