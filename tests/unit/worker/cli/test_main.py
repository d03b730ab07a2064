from pathlib import Path

import pytest

from tests.unit.worker.cli.cli_runner import CliRunner


def test_should_exit_two_when_the_database_url_is_invalid(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://x")

    run = cli("records", "count", "customers")

    assert run.exit_code == 2


def test_should_say_in_one_line_what_is_wrong_with_the_database_url(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://x")

    run = cli("records", "count", "customers")

    assert run.stderr == (
        "configuration error: DATABASE_URL: Value error, must start with one of memory://,"
        " sqlite:///, postgresql://, postgres:// or be a vault: reference\n"
    )


def test_should_keep_the_refused_database_url_out_of_the_message(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://operator:hunter2@db/app")

    run = cli("records", "count", "customers")

    assert "hunter2" not in run.stderr


def test_should_exit_two_when_the_log_level_is_invalid(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "verbose")

    run = cli("records", "count", "customers")

    assert run.exit_code == 2


def test_should_name_the_log_level_as_the_invalid_variable(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "verbose")

    run = cli("records", "count", "customers")

    assert run.stderr.startswith("configuration error: LOG_LEVEL: ")


def test_should_name_every_invalid_variable_on_the_same_line(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_FORMAT", "xml")
    monkeypatch.setenv("HEALTH_PORT", "-1")

    run = cli("records", "count", "customers")

    assert [("LOG_FORMAT" in line, "HEALTH_PORT" in line) for line in run.stderr.splitlines()] == [
        (True, True)
    ]


@pytest.mark.parametrize(
    "command",
    [
        ("topology", "apply"),
        ("request", "data.csv", "--dataset", "customers"),
        ("dead-letters", "replay"),
        ("health",),
        ("run",),
    ],
    ids=["topology", "request", "dead-letters", "health", "run"],
)
def test_should_exit_two_when_a_pubsub_command_has_no_project(
    cli: CliRunner, command: tuple[str, ...]
) -> None:
    run = cli(*command)

    assert run.exit_code == 2


@pytest.mark.parametrize(
    "command",
    [
        ("topology", "apply"),
        ("request", "data.csv", "--dataset", "customers"),
        ("dead-letters", "replay"),
        ("health",),
        ("run",),
    ],
    ids=["topology", "request", "dead-letters", "health", "run"],
)
def test_should_say_that_a_pubsub_command_needs_a_project(
    cli: CliRunner, command: tuple[str, ...]
) -> None:
    run = cli(*command)

    assert run.stderr == "configuration error: GOOGLE_CLOUD_PROJECT must be set\n"


def test_should_exit_one_when_the_database_is_unavailable(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/test")

    run = cli("records", "count", "customers")

    assert run.exit_code == 1


def test_should_say_that_the_database_is_unavailable(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/test")

    run = cli("records", "count", "customers")

    assert run.stderr.startswith("import-worker: DependencyUnavailableError: ")


def test_should_exit_one_when_google_credentials_cannot_be_found(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "demo")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "absent.json"))

    run = cli("topology", "apply")

    assert run.exit_code == 1


def test_should_say_that_google_credentials_cannot_be_found(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "demo")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "absent.json"))

    run = cli("topology", "apply")

    assert run.stderr.startswith("import-worker: DefaultCredentialsError: ")


def test_should_exit_two_without_a_command(cli: CliRunner) -> None:
    with pytest.raises(SystemExit, match="2"):
        cli()


def test_should_keep_logs_off_stdout_for_a_command_that_prints_json(
    cli: CliRunner, customers_csv: Path
) -> None:
    run = cli("import", str(customers_csv), "--dataset", "customers")

    assert len(run.stdout.splitlines()) == 1


def test_should_write_the_logs_as_json_lines_on_stderr(cli: CliRunner, customers_csv: Path) -> None:
    run = cli("import", str(customers_csv), "--dataset", "customers")

    assert '"event": "import.completed"' in run.stderr


def test_should_write_console_logs_when_configured(
    cli: CliRunner, customers_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_FORMAT", "console")

    run = cli("import", str(customers_csv), "--dataset", "customers")

    assert '"event"' not in run.stderr
