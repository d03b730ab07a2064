import io
import sys
from pathlib import Path

import pytest

from tests.unit.worker.cli.cli_runner import CliRunner
from worker.process_tuning import BULK_IMPORT_SWITCH_INTERVAL_SECONDS

CUSTOMERS = ("--dataset", "customers", "--key-column", "id")


class TerminalStream(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_should_exit_zero_when_every_row_is_imported(cli: CliRunner, customers_csv: Path) -> None:
    run = cli("import", str(customers_csv), *CUSTOMERS)

    assert run.exit_code == 0


def test_should_print_the_result_event_as_json(cli: CliRunner, customers_csv: Path) -> None:
    run = cli("import", str(customers_csv), *CUSTOMERS)

    assert {key: run.document()[key] for key in ("event_type", "dataset", "rows_imported")} == {
        "event_type": "ImportCompleted",
        "dataset": "customers",
        "rows_imported": 2,
    }


def test_should_print_every_field_of_the_result_event(cli: CliRunner, customers_csv: Path) -> None:
    run = cli("import", str(customers_csv), *CUSTOMERS)

    assert set(run.document()) == {
        "event_id",
        "event_type",
        "import_id",
        "dataset",
        "correlation_id",
        "rows_read",
        "rows_imported",
        "rows_rejected",
        "rejections",
        "error",
        "started_at",
        "finished_at",
    }


def test_should_name_a_generated_import_id_after_the_cli(
    cli: CliRunner, customers_csv: Path
) -> None:
    run = cli("import", str(customers_csv), *CUSTOMERS)

    assert run.document()["import_id"] == f"cli-{run.document()['correlation_id']}"


def test_should_exit_three_when_some_rows_are_rejected(
    cli: CliRunner, tmp_path: Path, columns_file: Path
) -> None:
    source = tmp_path / "ages.csv"
    source.write_text("id,age\n1,36\n2,old\n", encoding="utf-8")

    run = cli("import", str(source), *CUSTOMERS, "--columns", str(columns_file))

    assert run.exit_code == 3


def test_should_list_the_rejected_rows(cli: CliRunner, tmp_path: Path, columns_file: Path) -> None:
    source = tmp_path / "ages.csv"
    source.write_text("id,age\n1,36\n2,old\n", encoding="utf-8")

    run = cli("import", str(source), *CUSTOMERS, "--columns", str(columns_file))

    assert [(item["row"], item["column"]) for item in run.document()["rejections"]] == [(2, "age")]


def test_should_exit_one_when_the_key_column_is_missing(
    cli: CliRunner, customers_csv: Path
) -> None:
    run = cli("import", str(customers_csv), "--dataset", "customers", "--key-column", "sku")

    assert run.exit_code == 1


def test_should_answer_a_missing_key_column_with_import_failed(
    cli: CliRunner, customers_csv: Path
) -> None:
    run = cli("import", str(customers_csv), "--dataset", "customers", "--key-column", "sku")

    assert run.document()["event_type"] == "ImportFailed"


def test_should_report_missing_columns_when_the_key_column_is_missing(
    cli: CliRunner, customers_csv: Path
) -> None:
    run = cli("import", str(customers_csv), "--dataset", "customers", "--key-column", "sku")

    assert run.document()["error"]["code"] == "missing_columns"


def test_should_report_source_not_found_when_the_file_does_not_exist(
    cli: CliRunner, tmp_path: Path
) -> None:
    run = cli("import", str(tmp_path / "absent.csv"), "--dataset", "customers")

    assert run.document()["error"]["code"] == "source_not_found"


def test_should_read_a_file_without_header_with_a_custom_delimiter(
    cli: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "plain.csv"
    source.write_text("1;Ada\n2;Bob\n", encoding="utf-8")

    cli("import", str(source), "--dataset", "people", "--no-header", "--delimiter", ";")

    assert cli("records", "count", "people").stdout.strip() == "2"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--dataset", "Customers"), "String should match pattern"),
        (("--dataset", "customers", "--import-id", "has space"), "String should match pattern"),
        (("--dataset", "customers", "--columns", "/nonexistent/columns.json"), "No such file"),
    ],
    ids=["bad-dataset", "bad-import-id", "unreadable-columns-file"],
)
def test_should_exit_two_on_a_usage_error(
    cli: CliRunner, customers_csv: Path, arguments: tuple[str, ...], message: str
) -> None:
    run = cli("import", str(customers_csv), *arguments)

    assert run.exit_code == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--dataset", "Customers"), "String should match pattern"),
        (("--dataset", "customers", "--import-id", "has space"), "String should match pattern"),
        (("--dataset", "customers", "--columns", "/nonexistent/columns.json"), "No such file"),
    ],
    ids=["bad-dataset", "bad-import-id", "unreadable-columns-file"],
)
def test_should_say_what_is_wrong_on_a_usage_error(
    cli: CliRunner, customers_csv: Path, arguments: tuple[str, ...], message: str
) -> None:
    run = cli("import", str(customers_csv), *arguments)

    assert message in run.stderr


def test_should_exit_two_when_the_columns_file_is_not_a_columns_map(
    cli: CliRunner, customers_csv: Path, tmp_path: Path
) -> None:
    columns = tmp_path / "columns.json"
    columns.write_text('{"age": {"type": "float"}}', encoding="utf-8")

    run = cli("import", str(customers_csv), *CUSTOMERS, "--columns", str(columns))

    assert run.exit_code == 2


def test_should_print_nothing_on_stdout_on_a_usage_error(
    cli: CliRunner, customers_csv: Path
) -> None:
    run = cli("import", str(customers_csv), "--dataset", "Customers")

    assert run.stdout == ""


def test_should_print_the_same_event_again_for_the_same_import_id(
    cli: CliRunner, customers_csv: Path
) -> None:
    first = cli("import", str(customers_csv), *CUSTOMERS, "--import-id", "batch-7")

    second = cli("import", str(customers_csv), *CUSTOMERS, "--import-id", "batch-7")

    assert second.document() == first.document()


def test_should_show_progress_on_stderr_when_it_is_a_terminal(
    cli: CliRunner, customers_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = TerminalStream()
    monkeypatch.setattr("sys.stderr", terminal)

    cli("import", str(customers_csv), *CUSTOMERS)

    assert "importing:" in terminal.getvalue()


def test_should_shorten_the_thread_switch_interval_of_the_importing_process(
    cli: CliRunner, customers_csv: Path
) -> None:
    cli("import", str(customers_csv), *CUSTOMERS)

    assert sys.getswitchinterval() == pytest.approx(BULK_IMPORT_SWITCH_INTERVAL_SECONDS)
