import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from adapters.observability.log_context import bound_log_context
from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished
from application.events.result_event_codec import encode_result_event
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.command_parsers import add_command
from worker.cli.output import print_error, print_json
from worker.messages.column_schema import ColumnsModel
from worker.messages.wire_types import DatasetName, ImportId
from worker.process_tuning import shorten_thread_switch_interval

EXIT_COMPLETED = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ROWS_REJECTED = 3


def register(commands: Any) -> None:
    parser = add_command(
        commands, "import", run, help="import a local CSV file into the configured store"
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the CSV file, read as yourself")
    parser.add_argument("--dataset", required=True, help="target dataset name")
    parser.add_argument("--key-column", action="append", default=[], dest="key_columns")
    parser.add_argument("--columns", type=Path, help="JSON file holding the columns map")
    parser.add_argument("--delimiter", default=",", help="field delimiter (default ,)")
    parser.add_argument("--encoding", default="utf-8", help="text encoding (default utf-8)")
    parser.add_argument("--no-header", action="store_true", help="the first row is data")
    parser.add_argument("--import-id", help="idempotency key (default: a new cli-<uuid>)")


def run(arguments: argparse.Namespace, settings: Settings) -> int:
    """Imports FILE into DATASET on the configured store, without Pub/Sub. Exit status: 0 all rows
    imported, 3 some rows rejected, 1 import failed, 2 usage error.
    """
    components = bootstrap(settings)
    try:
        command = _command(arguments, components.ids.new_id())
    except (ValidationError, OSError, ValueError) as error:
        print_error(_usage_message(error))
        return EXIT_USAGE
    use_case = components.operator_import(interactive=sys.stderr.isatty())
    shorten_thread_switch_interval()
    with (
        bound_log_context(
            correlation_id=command.correlation_id,
            import_id=command.import_id,
            dataset=command.dataset,
        ),
        components.telemetry.tracer.start_as_current_span("import file"),
    ):
        result = use_case.execute(command).result
    components.telemetry.close()
    print_json(encode_result_event(result))
    return _exit_code(result)


def _command(arguments: argparse.Namespace, correlation_id: str) -> ImportData:
    return ImportData(
        request_id=correlation_id,
        import_id=_import_id(arguments.import_id, correlation_id),
        dataset=TypeAdapter(DatasetName).validate_python(arguments.dataset),
        source=SourceDescriptor(
            uri=arguments.file.resolve().as_uri(),
            delimiter=arguments.delimiter,
            encoding=arguments.encoding,
            header=not arguments.no_header,
        ),
        schema=ImportSchema(
            columns=_columns(arguments.columns), key_columns=tuple(arguments.key_columns)
        ),
        correlation_id=correlation_id,
    )


def _import_id(given: str | None, generated: str) -> str:
    return TypeAdapter(ImportId).validate_python(given or f"cli-{generated}")


def _columns(path: Path | None) -> Mapping[str, ColumnSpec]:
    if path is None:
        return {}
    return ColumnsModel.model_validate_json(path.read_bytes()).to_domain()


def _usage_message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(problem["msg"] for problem in error.errors())
    return str(error)


def _exit_code(result: ImportFinished) -> int:
    if not isinstance(result, ImportCompleted):
        return EXIT_FAILED
    return EXIT_ROWS_REJECTED if result.rows_rejected else EXIT_COMPLETED
