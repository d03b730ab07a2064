import argparse
import os
import platform
import secrets
import sys
import uuid
from typing import Any

from google.cloud import pubsub_v1

from bench.bench_pubsub import BenchPubSub
from bench.emulator_session import emulator_host
from bench.import_request_messages import ROWS_PER_MESSAGE, ImportRequestMessages
from bench.service_process import ServiceProcess
from bench.trace_export import export_figures, export_settings, local_receiver
from bench.worker_benchmark_database import catalog_dead_tuples, count_records, empty_schema
from bench.worker_benchmark_options import OUT, parse_arguments, settings_document
from bench.worker_benchmark_options import worker_command, worker_environment
from bench.worker_benchmark_report import comparisons, table_lines, write_document
from bench.worker_benchmark_run import LatencyPlan, WorkerBenchmarkRun
from shared.configuration import Settings


def measure(arguments: argparse.Namespace, run: WorkerBenchmarkRun) -> dict[str, Any]:
    import_ids = run.prepare(arguments.requests)
    flow_control = pubsub_v1.types.FlowControl(max_messages=arguments.raw_max_messages)
    raw = run.raw_throughput(arguments.requests, flow_control, arguments.timeout_seconds)
    plan = LatencyPlan(
        rate=arguments.rate, seconds=arguments.latency_seconds, warmup=arguments.warmup
    )
    workers = [
        ServiceProcess(
            worker_command(arguments), environment=run.environment, log=OUT / f"worker-{index}.log"
        )
        for index in range(arguments.processes)
    ]
    try:
        worker_figures = run.worker_throughput(workers, import_ids, arguments.timeout_seconds)
        worker_latency = run.latency("worker", workers[0], plan)
    finally:
        worker_exits = [worker.stop() for worker in workers]
    relay = run.relay_process(OUT / "relay.log")
    relay.start()
    try:
        relay_latency = run.latency("relay", relay, plan)
    finally:
        relay.stop()
    return {
        "throughput": {"worker": worker_figures, "raw_subscriber": raw},
        "latency": {"worker": worker_latency, "relay": relay_latency},
        "worker_exit_code": next((code for code in worker_exits if code), worker_exits[0]),
    }


def run_benchmark(arguments: argparse.Namespace, host: str) -> dict[str, Any]:
    with local_receiver(arguments.trace_export) as receiver:
        environment = {
            **worker_environment(arguments, host, f"bench-worker-{uuid.uuid4().hex[:8]}"),
            **export_settings(receiver),
        }
        figures = run_with(arguments, host, environment)
        figures["trace_export"] = export_figures(receiver)
    return figures


def run_with(
    arguments: argparse.Namespace, host: str, environment: dict[str, str]
) -> dict[str, Any]:
    project = environment["GOOGLE_CLOUD_PROJECT"]
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
