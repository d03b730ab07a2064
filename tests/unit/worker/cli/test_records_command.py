from pathlib import Path

import pytest

from tests.unit.worker.cli.cli_runner import CliRunner


@pytest.fixture
def imported(cli: CliRunner, customers_csv: Path) -> str:
    run = cli(
        "import",
        str(customers_csv),
        "--dataset",
        "customers",
        "--key-column",
        "id",
        "--import-id",
        "batch-1",
    )
    return str(run.document()["import_id"])


def test_should_print_a_stored_record_as_json(cli: CliRunner, imported: str) -> None:
    run = cli("records", "get", "customers", "2")

    assert run.document() == {
        "dataset": "customers",
        "key": ["2"],
        "values": {"id": "2", "name": "Bob", "age": "41"},
        "import_id": "batch-1",
    }


def test_should_exit_zero_when_the_record_is_found(cli: CliRunner, imported: str) -> None:
    run = cli("records", "get", "customers", "1")

    assert run.exit_code == 0


def test_should_exit_one_when_the_record_is_absent(cli: CliRunner, imported: str) -> None:
    run = cli("records", "get", "customers", "99")

    assert run.exit_code == 1


def test_should_say_on_stderr_which_record_is_absent(cli: CliRunner, imported: str) -> None:
    run = cli("records", "get", "customers", "99")

    assert run.stderr == "import-worker: no record ['99'] in dataset 'customers'\n"


def test_should_print_nothing_on_stdout_when_the_record_is_absent(
    cli: CliRunner, imported: str
) -> None:
    run = cli("records", "get", "customers", "99")

    assert run.stdout == ""


def test_should_find_a_record_by_row_number_without_key_columns(
    cli: CliRunner, customers_csv: Path
) -> None:
    cli("import", str(customers_csv), "--dataset", "people", "--import-id", "batch-2")

    run = cli("records", "get", "people", "batch-2:2")

    assert run.document()["values"]["name"] == "Bob"


def test_should_find_a_record_by_a_composite_key(cli: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "stock.csv"
    source.write_text("shop,sku,count\nparis,a1,3\nlyon,a1,5\n", encoding="utf-8")
    cli(
        "import",
        str(source),
        "--dataset",
        "stock",
        "--key-column",
        "shop",
        "--key-column",
        "sku",
    )

    run = cli("records", "get", "stock", "lyon", "a1")

    assert run.document()["values"]["count"] == "5"


def test_should_exit_zero_once_it_counted(cli: CliRunner, imported: str) -> None:
    run = cli("records", "count", "customers")

    assert run.exit_code == 0


def test_should_print_the_number_of_stored_records(cli: CliRunner, imported: str) -> None:
    run = cli("records", "count", "customers")

    assert run.document() == 2


def test_should_count_zero_records_of_an_unknown_dataset(cli: CliRunner) -> None:
    run = cli("records", "count", "nothing_here")

    assert run.document() == 0
