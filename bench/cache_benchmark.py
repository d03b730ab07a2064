import argparse
import os
import platform
import secrets
import sys
import uuid
from pathlib import Path
from typing import Any

import redis
from pydantic import SecretStr

from bench.bench_pubsub import BenchPubSub
from bench.benchmark_database import DEFAULT_URL
from bench.cache_bench_reads import cached, command_reads, record_reads
from bench.cache_bench_repeats import RepeatedRequests, RepeatPlan
from bench.emulator_session import emulator_host
from bench.import_request_messages import DATASET, ImportRequestMessages
from bench.worker_benchmark_database import empty_schema, worker_database_url
from bench.worker_benchmark_options import OUT, worker_environment
from bench.worker_benchmark_report import write_document
from shared.configuration import Settings

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
READ_PASSES = 2


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="import-worker with and without the Redis cache")
    parser.add_argument("--requests", type=int, default=2000, help="republished requests")
    parser.add_argument("--reads", type=int, default=1000, help="records read per pass")
    parser.add_argument("--command-runs", type=int, default=5, help="records get processes")
    parser.add_argument("--timeout-seconds", type=float, default=600.0)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--output", type=Path, default=OUT / "cache-benchmark.json")
    arguments = parser.parse_args(argv)
    arguments.settings, arguments.secret = [], secrets.token_hex(32)
    return arguments


def republished(arguments: argparse.Namespace, host: str, prefix: str) -> dict[str, Any]:
    project = f"bench-cache-{uuid.uuid4().hex[:8]}"
    plain = worker_environment(arguments, host, project)
    environments = {"without_cache": plain, "with_cache": with_cache(plain, arguments, prefix)}
    pubsub = BenchPubSub(host=host, project=project)
    messages = ImportRequestMessages(secret=arguments.secret, run_id=uuid.uuid4().hex[:8])
    plan = RepeatPlan(
        requests=messages.batch("cache", arguments.requests),
        timeout_seconds=arguments.timeout_seconds,
        log_directory=OUT,
    )
    repeats = RepeatedRequests(pubsub, plain)
    try:
        figures = {"first_run": repeats.drain("first", plan, environments["with_cache"])}
        for label, environment in environments.items():
            figures[label] = repeats.drain(label, plan, environment)
    finally:
        repeats.close()
        pubsub.close()
    keys = [f"{request.import_id}:1" for request in plan.requests[: arguments.reads]]
    return {"republished": figures, **reads(arguments, environments, keys, prefix)}


def reads(
    arguments: argparse.Namespace,
    environments: dict[str, dict[str, str]],
    keys: list[str],
    prefix: str,
) -> dict[str, Any]:
    database = SecretStr(worker_database_url(arguments.url))
    plain = Settings(database_url=database, redis_url=None)
    settings = {"without_cache": plain, "with_cache": cached(plain, arguments.redis_url, prefix)}
    return {
        "records_get_in_process": {
            label: record_reads(each, DATASET, keys, READ_PASSES)
            for label, each in settings.items()
        },
        "records_get_command": {
            label: command_reads(environment, DATASET, keys[0], arguments.command_runs)
            for label, environment in environments.items()
        },
    }


def with_cache(
    environment: dict[str, str], arguments: argparse.Namespace, prefix: str
) -> dict[str, str]:
    cache = {"REDIS_URL": arguments.redis_url, "CACHE_KEY_PREFIX": prefix}
    return {**environment, **cache, "CACHE_TTL_SECONDS": "3600"}


def forget(redis_url: str, prefix: str) -> None:
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)
    client.close()


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    OUT.mkdir(parents=True, exist_ok=True)
    prefix = f"bench-cache-{uuid.uuid4().hex[:8]}:"
    load_before = os.getloadavg()
    empty_schema(arguments.url)
    try:
        with emulator_host(Settings().pubsub_emulator_host) as host:
            document = republished(arguments, host, prefix)
    finally:
        forget(arguments.redis_url, prefix)
    document["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
    document["load_average"] = {"before": load_before, "after": os.getloadavg()}
    document["settings"] = {"requests": arguments.requests, "reads": arguments.reads}
    print("\n".join(summary_lines(document)))
    write_document(arguments.output, document)
    print(f"written: {arguments.output}")
    return 0


def summary_lines(document: dict[str, Any]) -> list[str]:
    repeats, reads_in_process = document["republished"], document["records_get_in_process"]
    commands = document["records_get_command"]
    return [
        f"{label}: republished requests/s (first to last) "
        f"{repeats[label]['per_second_first_to_last']:.1f}, cache requests "
        f"{repeats[label]['cache_requests']}; records get p50 "
        f"{reads_in_process[label]['last_pass']['p50_ms']:.3f} ms in process, "
        f"{commands[label]['median_s']:.3f} s as a command"
        for label in ("without_cache", "with_cache")
    ]


if __name__ == "__main__":
    sys.exit(main())
