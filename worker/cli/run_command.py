import argparse
import signal
from typing import Any

from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.command_parsers import add_command
from worker.process_tuning import tune_garbage_collection


def register(commands: Any) -> None:
    parser = add_command(
        commands, "run", run, help="consume import requests from Pub/Sub, with the health sidecar"
    )
    parser.set_defaults(logs_on_stdout=True)


def run(arguments: argparse.Namespace, settings: Settings) -> int:
    """Runs the consumer and the health sidecar until SIGTERM or SIGINT, then drains in-flight
    imports within SHUTDOWN_GRACE_SECONDS and exits 0.
    """
    components = bootstrap(settings)
    runtime = components.worker.runtime
    tune_garbage_collection()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: runtime.request_stop())
    try:
        return runtime.run()
    finally:
        components.telemetry.close()
