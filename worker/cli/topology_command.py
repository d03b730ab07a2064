import argparse
from typing import Any

from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.output import print_json


def register(commands: Any) -> None:
    parser = commands.add_parser("topology", help="manage the Pub/Sub topics and subscriptions")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    apply = actions.add_parser(
        "apply",
        help="create the topics and subscriptions idempotently",
        description="Creates every topic and subscription of the contract that is missing; "
        "existing ones are left as they are.",
    )
    apply.set_defaults(handler=apply_topology)


def apply_topology(arguments: argparse.Namespace, settings: Settings) -> int:
    topology = bootstrap(settings).messaging.topology
    try:
        result = topology.apply()
    finally:
        topology.close()
    print_json({"created": list(result.created), "found": list(result.found)})
    return 0
