import argparse
import os
import sys
import time
from typing import Any
from urllib.parse import urlsplit

from bench.exactly_once import exactly_once_figures
from bench.gcs_bench_worker import wait_until_ready
from bench.outage_report import OutageWindow, delivery_figures, drain_figures
from bench.outage_report import lifecycle_figures, table_lines
from bench.resilience_bench import PLAIN_SUBSCRIPTION_NOTE, ResilienceBench, resilience_bench
from bench.resilience_options import resilience_parser, resilience_settings
from bench.service_process import ServiceProcess
from bench.worker_benchmark_report import write_document
from bench.worker_log import watched_events
from tools.fault_proxy import FaultProxy

READY_SECONDS = 120.0
QUIET_SECONDS = 3.0
POSTGRES_PORT = 5432


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = resilience_parser(
        "import-worker run with PostgreSQL unreachable while requests wait", "outage.json"
    )
    parser.add_argument("--requests", type=int, default=500, help="requests published")
    parser.add_argument("--outage-seconds", type=float, default=60.0)
    return parser.parse_args(argv)


def run_outage(arguments: argparse.Namespace) -> dict[str, Any]:
    store = urlsplit(arguments.url)
    proxy = FaultProxy(store.hostname or "127.0.0.1", store.port or POSTGRES_PORT).start()
    try:
        with resilience_bench(arguments, database_address=proxy.address()) as bench:
            return measure(arguments, bench, proxy)
    finally:
        proxy.close()


def measure(
    arguments: argparse.Namespace, bench: ResilienceBench, proxy: FaultProxy
) -> dict[str, Any]:
    log = arguments.output.with_suffix(".worker.log")
    worker, port = bench.launch_worker(log)
    try:
        wait_until_ready(worker, port, READY_SECONDS)
        import_ids, window = outage(arguments, bench, proxy, worker)
        bench.results.wait_for(
            import_ids, timeout_seconds=arguments.timeout_seconds, alive=worker.require_alive
        )
        time.sleep(QUIET_SECONDS)
    finally:
        exit_code = worker.stop()
    events = list(watched_events(log))
    return {
        "deliveries": delivery_figures(import_ids, events, window),
        "drain": drain_figures(import_ids, bench.results.entries(), window),
        "lifecycle": lifecycle_figures(events, window),
        "end_state": exactly_once_figures(
            import_ids,
            bench.results.entries(),
            bench.schema.records_by_import(),
            bench.dead_letters.messages(),
        ),
        "worker_exit_code": exit_code,
    }


def outage(
    arguments: argparse.Namespace,
    bench: ResilienceBench,
    proxy: FaultProxy,
    worker: ServiceProcess,
) -> tuple[list[str], OutageWindow]:
    began = time.time()
    proxy.refuse()
    proxy.reset()
    import_ids = bench.publish(arguments.requests, "outage")
    while time.time() < began + arguments.outage_seconds:
        worker.require_alive()
        time.sleep(min(1.0, max(0.0, began + arguments.outage_seconds - time.time())))
    proxy.restore()
    return import_ids, OutageWindow(began=began, restored=time.time())


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    document = run_outage(arguments)
    document["settings"] = {
        "requests": arguments.requests,
        "outage_seconds": arguments.outage_seconds,
        "worker": resilience_settings(arguments),
        "subscription": PLAIN_SUBSCRIPTION_NOTE,
    }
    document["load_average"] = {"before": load_before, "after": os.getloadavg()}
    print("\n".join(table_lines(document)))
    write_document(arguments.output, document)
    print(f"written: {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
