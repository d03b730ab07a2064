import argparse
import signal
from typing import Any

from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.process_tuning import tune_garbage_collection


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "run",
        help="consume import requests from Pub/Sub, with the health sidecar",
        description="Runs the consumer and the health sidecar until SIGTERM or SIGINT, then "
        "drains in-flight imports within SHUTDOWN_GRACE_SECONDS and exits 0.",
    )
    parser.set_defaults(handler=run, logs_on_stdout=True)


def run(arguments: argparse.Namespace, settings: Settings) -> int:
    runtime = bootstrap(settings).worker.runtime
    tune_garbage_collection()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: runtime.request_stop())
    return runtime.run()
