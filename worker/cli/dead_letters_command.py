import argparse
from typing import Any

from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.command_parsers import add_command, add_group
from worker.cli.output import print_json


def register(commands: Any) -> None:
    actions = add_group(commands, "dead-letters", help="inspect and replay dead-lettered messages")
    replay = add_command(
        actions,
        "replay",
        replay_dead_letters,
        help="move dead-lettered messages back to the import requests topic",
    )
    replay.add_argument("--limit", type=int, help="replay at most N messages")


def replay_dead_letters(arguments: argparse.Namespace, settings: Settings) -> int:
    """Republishes each dead-lettered message without its dead_letter_* attributes, then
    acknowledges it on the inspection subscription.
    """
    replayer = bootstrap(settings).messaging.dead_letter_replayer
    try:
        replayed = replayer.replay(arguments.limit)
    finally:
        replayer.close()
    print_json({"replayed": replayed})
    return 0
