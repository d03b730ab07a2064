import argparse
from typing import Any

from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.command_parsers import add_command, add_group
from worker.cli.output import print_json


def register(commands: Any) -> None:
    actions = add_group(commands, "topology", help="manage the Pub/Sub topics and subscriptions")
    add_command(
        actions, "apply", apply_topology, help="create the topics and subscriptions idempotently"
    )


def apply_topology(arguments: argparse.Namespace, settings: Settings) -> int:
    """Creates every topic and subscription of the contract that is missing; existing ones are left
    as they are.
    """
    topology = bootstrap(settings).messaging.topology
    try:
        result = topology.apply()
    finally:
        topology.close()
    print_json({"created": list(result.created), "found": list(result.found)})
    return 0
