import json
from pathlib import Path

from tests.unit.worker.cli.cli_runner import CliRunner
from worker.messages.wire_schemas import WIRE_SCHEMAS

FILE_NAMES = ["audit-event.json", "import-requested.json", "result-event.json"]


def test_should_write_one_schema_file_per_message(cli: CliRunner, tmp_path: Path) -> None:
    cli("schema", "export", str(tmp_path / "schemas"))

    assert sorted(path.name for path in (tmp_path / "schemas").iterdir()) == FILE_NAMES


def test_should_print_the_files_it_wrote(cli: CliRunner, tmp_path: Path) -> None:
    run = cli("schema", "export", str(tmp_path))

    assert run.document() == {
        "written": [str(tmp_path / schema.file_name) for schema in WIRE_SCHEMAS]
    }


def test_should_write_each_schema_as_generated(cli: CliRunner, tmp_path: Path) -> None:
    cli("schema", "export", str(tmp_path))

    assert {
        schema.file_name: json.loads((tmp_path / schema.file_name).read_text(encoding="utf-8"))
        for schema in WIRE_SCHEMAS
    } == {schema.file_name: schema.document() for schema in WIRE_SCHEMAS}
