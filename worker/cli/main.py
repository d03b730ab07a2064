import argparse
import sys
from collections.abc import Sequence

from google.auth.exceptions import GoogleAuthError
from pydantic import ValidationError

from adapters.observability.structlog_logging import configure_logging
from application.errors import DependencyUnavailableError
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from worker.cli import (
    dead_letters_command,
    health_command,
    import_command,
    imports_command,
    records_command,
    request_command,
    run_command,
    schema_command,
    token_command,
    topology_command,
)
from worker.cli.configuration_error import describe_configuration_error
from worker.cli.output import print_error

EXIT_FAILURE = 1
EXIT_USAGE = 2
COMMANDS = (
    run_command,
    import_command,
    records_command,
    imports_command,
    topology_command,
    request_command,
    token_command,
    dead_letters_command,
    health_command,
    schema_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="import-worker",
        description="Imports CSV data into a record store, driven by Pub/Sub or by hand.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        print(describe_configuration_error(error), file=sys.stderr)
        return EXIT_USAGE
    log_stream = sys.stdout if getattr(arguments, "logs_on_stdout", False) else sys.stderr
    configure_logging(level=settings.log_level, log_format=settings.log_format, stream=log_stream)
    return _dispatch(arguments, settings)


def _dispatch(arguments: argparse.Namespace, settings: Settings) -> int:
    try:
        exit_code: int = arguments.handler(arguments, settings)
    except ConfigurationError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (DependencyUnavailableError, GoogleAuthError) as error:
        print_error(f"{type(error).__name__}: {error}")
        return EXIT_FAILURE
    return exit_code
