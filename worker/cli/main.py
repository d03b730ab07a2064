import argparse
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from adapters.observability.structlog_logging import configure_logging
from shared.configuration import Settings
from worker.cli import import_command, records_command
from worker.cli.configuration_error import describe_configuration_error

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="import-worker",
        description="Imports CSV data into a record store, driven by Pub/Sub or by hand.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    import_command.register(commands)
    records_command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        print(describe_configuration_error(error), file=sys.stderr)
        return EXIT_USAGE
    configure_logging(level=settings.log_level, log_format=settings.log_format, stream=sys.stderr)
    exit_code: int = arguments.handler(arguments, settings)
    return exit_code
