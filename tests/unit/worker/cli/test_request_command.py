from pathlib import Path

import pytest

from tests.unit.worker.cli.cli_runner import CliRunner


@pytest.fixture(autouse=True)
def project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "demo")


def test_should_exit_two_when_the_inline_file_cannot_be_read(
    cli: CliRunner, tmp_path: Path
) -> None:
    run = cli("request", str(tmp_path / "absent.csv"), "--dataset", "customers", "--inline")

    assert run.exit_code == 2


def test_should_say_that_the_inline_file_cannot_be_read(cli: CliRunner, tmp_path: Path) -> None:
    run = cli("request", str(tmp_path / "absent.csv"), "--dataset", "customers", "--inline")

    assert "No such file" in run.stderr


def test_should_exit_two_when_the_columns_file_cannot_be_read(
    cli: CliRunner, customers_csv: Path, tmp_path: Path
) -> None:
    run = cli(
        "request",
        str(customers_csv),
        "--dataset",
        "customers",
        "--columns",
        str(tmp_path / "absent.json"),
    )

    assert run.exit_code == 2


def test_should_exit_two_when_the_columns_file_is_not_json(
    cli: CliRunner, customers_csv: Path, tmp_path: Path
) -> None:
    columns = tmp_path / "columns.json"
    columns.write_text("{age: integer}", encoding="utf-8")

    run = cli("request", str(customers_csv), "--dataset", "customers", "--columns", str(columns))

    assert run.exit_code == 2


def test_should_say_why_the_columns_file_is_not_json(
    cli: CliRunner, customers_csv: Path, tmp_path: Path
) -> None:
    columns = tmp_path / "columns.json"
    columns.write_text("{age: integer}", encoding="utf-8")

    run = cli("request", str(customers_csv), "--dataset", "customers", "--columns", str(columns))

    assert run.stderr.startswith("import-worker: Expecting")


def test_should_exit_two_when_the_secret_is_too_short_to_mint_a_token(
    cli: CliRunner, customers_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTH_JWT_SECRET", "short")

    run = cli("request", str(customers_csv), "--dataset", "customers")

    assert run.exit_code == 2
