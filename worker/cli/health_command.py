import argparse
from typing import Any

from domain.health.health_status import HealthStatus
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.output import print_json
from worker.health.readiness_document import readiness_document


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "health",
        help="run the readiness checks once",
        description="Checks the subscription and the repository once, prints the readiness "
        "document and exits 0 when ready (up or degraded), 1 otherwise.",
    )
    parser.set_defaults(handler=check_health)


def check_health(arguments: argparse.Namespace, settings: Settings) -> int:
    report = bootstrap(settings).worker.health_check.execute()
    print_json(readiness_document(report))
    return 1 if report.status is HealthStatus.DOWN else 0
