import argparse
import json
from pathlib import Path
from typing import Any

from shared.configuration import Settings
from worker.cli.command_parsers import add_command, add_group
from worker.cli.output import print_json
from worker.messages.wire_schemas import WIRE_SCHEMAS


def register(commands: Any) -> None:
    actions = add_group(commands, "schema", help="the JSON Schemas of the messages on the wire")
    export = add_command(
        actions, "export", export_schemas, help="write the JSON Schemas of the messages into DIR"
    )
    export.add_argument("directory", metavar="DIR", type=Path)


def export_schemas(arguments: argparse.Namespace, settings: Settings) -> int:
    """Writes the JSON Schemas (draft 2020-12) of ImportRequested (import-requested.json), the
    result event (result-event.json) and the audit event (audit-event.json) into DIR, creating it
    when missing, and prints the paths written. They are generated from the worker's wire models
    (worker/messages/): the same code always writes the same files.
    """
    directory: Path = arguments.directory
    directory.mkdir(parents=True, exist_ok=True)
    written = [_write(directory / schema.file_name, schema.document()) for schema in WIRE_SCHEMAS]
    print_json({"written": [str(path) for path in written]})
    return 0


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
