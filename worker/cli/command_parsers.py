import argparse
import inspect
from collections.abc import Callable
from typing import Any

from shared.configuration import Settings

Handler = Callable[[argparse.Namespace, Settings], int]


def add_command(
    commands: Any, name: str, handler: Handler, *, help: str
) -> argparse.ArgumentParser:
    """A command whose --help describes it with its handler's docstring."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help, description=inspect.getdoc(handler)
    )
    parser.set_defaults(handler=handler)
    return parser


def add_group(commands: Any, name: str, *, help: str) -> Any:
    """A command whose actions are sub-commands: `import-worker NAME ACTION ...`."""
    parser = commands.add_parser(name, help=help)
    return parser.add_subparsers(dest="action", required=True, metavar="ACTION")
