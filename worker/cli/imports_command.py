import argparse
from typing import Any

from application.events.result_event_codec import encode_result_event
from application.use_cases.show_import import ShowImport
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.command_parsers import add_command, add_group
from worker.cli.output import print_error, print_json

EXIT_FOUND = 0
EXIT_UNKNOWN = 1


def register(commands: Any) -> None:
    actions = add_group(commands, "imports", help="read the results of finished imports")
    show = add_command(
        actions, "show", show_import, help="print the stored result event of an import"
    )
    show.add_argument("import_id", metavar="IMPORT_ID")


def show_import(arguments: argparse.Namespace, settings: Settings) -> int:
    """Prints the result event stored for IMPORT_ID (ImportCompleted, ImportFailed or
    ImportRejected, as published on import-results). Exit 1 when no import of that id finished.
    """
    result = bootstrap(settings).show_import.execute(ShowImport(import_id=arguments.import_id))
    if result is None:
        print_error(f"no finished import {arguments.import_id!r}")
        return EXIT_UNKNOWN
    print_json(encode_result_event(result))
    return EXIT_FOUND
