import argparse
from typing import Any

from domain.health.health_status import HealthStatus
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.command_parsers import add_command
from worker.cli.output import print_json
from worker.health.readiness_document import readiness_document


def register(commands: Any) -> None:
    add_command(commands, "health", check_health, help="run the readiness checks once")


def check_health(arguments: argparse.Namespace, settings: Settings) -> int:
    """Checks the subscription and the repository once, prints the readiness document and exits 0
    when ready (up or degraded), 1 otherwise.
    """
    report = bootstrap(settings).worker.health.check.execute()
    print_json(readiness_document(report))
    return 1 if report.status is HealthStatus.DOWN else 0
