from pathlib import Path

import pytest

from tests.unit.worker.cli.cli_runner import CliRunner


@pytest.fixture
def imported(cli: CliRunner, customers_csv: Path) -> dict[str, object]:
    run = cli("import", str(customers_csv), "--dataset", "customers", "--import-id", "batch-1")
    document: dict[str, object] = run.document()
    return document


def test_should_print_the_stored_result_event_of_an_import(
    cli: CliRunner, imported: dict[str, object]
) -> None:
    run = cli("imports", "show", "batch-1")

    assert run.document() == imported


def test_should_exit_zero_when_the_import_is_known(
    cli: CliRunner, imported: dict[str, object]
) -> None:
    run = cli("imports", "show", "batch-1")

    assert run.exit_code == 0


def test_should_show_a_failed_import_with_its_error(cli: CliRunner, tmp_path: Path) -> None:
    cli("import", str(tmp_path / "missing.csv"), "--dataset", "customers", "--import-id", "gone")

    run = cli("imports", "show", "gone")

    assert run.document()["error"]["code"] == "source_not_found"


def test_should_exit_one_when_the_import_is_unknown(cli: CliRunner) -> None:
    run = cli("imports", "show", "never-seen")

    assert run.exit_code == 1


def test_should_say_on_stderr_which_import_is_unknown(cli: CliRunner) -> None:
    run = cli("imports", "show", "never-seen")

    assert run.stderr == "import-worker: no finished import 'never-seen'\n"


def test_should_print_nothing_on_stdout_when_the_import_is_unknown(cli: CliRunner) -> None:
    run = cli("imports", "show", "never-seen")

    assert run.stdout == ""
