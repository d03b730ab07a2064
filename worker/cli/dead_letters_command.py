import argparse
from typing import Any

from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.output import print_json


def register(commands: Any) -> None:
    parser = commands.add_parser("dead-letters", help="inspect and replay dead-lettered messages")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    replay = actions.add_parser(
        "replay",
        help="move dead-lettered messages back to the import requests topic",
        description="Republishes each dead-lettered message without its dead_letter_* "
        "attributes, then acknowledges it on the inspection subscription.",
    )
    replay.add_argument("--limit", type=int, help="replay at most N messages")
    replay.set_defaults(handler=replay_dead_letters)


def replay_dead_letters(arguments: argparse.Namespace, settings: Settings) -> int:
    replayer = bootstrap(settings).messaging.dead_letter_replayer
    try:
        replayed = replayer.replay(arguments.limit)
    finally:
        replayer.close()
    print_json({"replayed": replayed})
    return 0
