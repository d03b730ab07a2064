import argparse
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bench.crash_recovery_report import drain_figures, imports_run_twice, recovery_figures
from bench.crash_recovery_report import table_lines
from bench.exactly_once import exactly_once_figures
from bench.replica_set import Kill, ReplicaSet
from bench.resilience_bench import NAMES, PLAIN_SUBSCRIPTION_NOTE, ResilienceBench
from bench.resilience_bench import resilience_bench
from bench.resilience_options import resilience_parser, resilience_settings
from bench.steady_publisher import publish_steadily
from bench.stranded_requests import CrashTimeline, StrandedRequests
from bench.worker_benchmark_report import write_document

QUIET_SECONDS = 3.0


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = resilience_parser(
        "import-worker run replicas under steady load, one SIGKILLed every few seconds",
        "crash-recovery.json",
    )
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--rate", type=float, default=40.0, help="requests published per second")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--kill-every", type=float, default=3.0, help="seconds between kills")
    parser.add_argument("--seed", type=int, help="random victims from this seed; else in turn")
    parser.add_argument(
        "--stranded-after-seconds",
        type=float,
        default=5.0,
        help="a result later than this after its request was held by a killed replica",
    )
    return parser.parse_args(argv)


def measure(arguments: argparse.Namespace, bench: ResilienceBench) -> dict[str, Any]:
    replicas = ReplicaSet(
        bench, count=arguments.replicas, directory=arguments.output.with_suffix(".logs")
    )
    replicas.start()
    try:
        timeline = crash_under_load(arguments, bench, replicas)
        bench.results.wait_for(
            list(timeline.published),
            timeout_seconds=arguments.timeout_seconds,
            alive=replicas.require_alive,
        )
        time.sleep(QUIET_SECONDS)
    finally:
        exit_codes = replicas.stop()
    results = bench.results.entries()
    stranded = StrandedRequests.of(timeline, results, arguments.stranded_after_seconds)
    return {
        "recovery": recovery_figures(stranded, arguments.lease_extension_seconds),
        "drain": drain_figures(stranded),
        "imports_run_twice": imports_run_twice(replicas.logs),
        "end_state": exactly_once_figures(
            list(timeline.published),
            results,
            bench.schema.records_by_import(),
            bench.dead_letters.messages(),
        ),
        "worker_exit_codes": exit_codes,
    }


def crash_under_load(
    arguments: argparse.Namespace, bench: ResilienceBench, replicas: ReplicaSet
) -> CrashTimeline:
    requests = bench.messages.batch(
        "crash", round(arguments.rate * arguments.kills * arguments.kill_every)
    )
    wall_offset = time.time() - time.monotonic()
    with ThreadPoolExecutor(1) as publisher:
        publishing = publisher.submit(
            publish_steadily, bench.pubsub, NAMES.import_requests_topic, requests, arguments.rate
        )
        kills = kill_on_schedule(arguments, replicas)
        published = publishing.result()
    return CrashTimeline(
        published={key: moment + wall_offset for key, moment in published.items()},
        kills=kills,
        publishing_ended=max(published.values()) + wall_offset,
    )


def kill_on_schedule(arguments: argparse.Namespace, replicas: ReplicaSet) -> list[Kill]:
    victims = random.Random(arguments.seed)  # nosec B311
    begin = time.monotonic()
    kills = []
    for number in range(arguments.kills):
        time.sleep(max(0.0, begin + (number + 1) * arguments.kill_every - time.monotonic()))
        kills.append(replicas.kill_and_restart(_victim(arguments, victims, number)))
    return kills


def _victim(arguments: argparse.Namespace, victims: random.Random, number: int) -> int:
    replicas: int = arguments.replicas
    return number % replicas if arguments.seed is None else victims.randrange(replicas)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    with resilience_bench(arguments) as bench:
        document = measure(arguments, bench)
    document["settings"] = {
        "replicas": arguments.replicas,
        "rate": arguments.rate,
        "kills": arguments.kills,
        "kill_every": arguments.kill_every,
        "victims": "in turn" if arguments.seed is None else f"random, seed {arguments.seed}",
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
