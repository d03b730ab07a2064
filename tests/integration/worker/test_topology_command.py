import pytest

from tests.unit.worker.cli.cli_runner import CliRunner

pytestmark = pytest.mark.integration

RESOURCES = [
    "topics/import-requests",
    "topics/import-results",
    "topics/audit-events",
    "topics/import-requests-dead-letter",
    "subscriptions/import-requests-worker",
    "subscriptions/import-requests-dead-letter-inspect",
]


def _names(paths: list[str]) -> list[str]:
    return ["/".join(path.split("/")[-2:]) for path in paths]


def test_should_exit_zero_once_the_topology_is_applied(cli: CliRunner) -> None:
    run = cli("topology", "apply")

    assert run.exit_code == 0


def test_should_create_every_topic_and_subscription(cli: CliRunner) -> None:
    run = cli("topology", "apply")

    assert _names(run.document()["created"]) == RESOURCES


def test_should_create_nothing_when_applied_again(cli: CliRunner) -> None:
    cli("topology", "apply")

    run = cli("topology", "apply")

    assert run.document()["created"] == []


def test_should_find_everything_when_applied_again(cli: CliRunner) -> None:
    cli("topology", "apply")

    run = cli("topology", "apply")

    assert _names(run.document()["found"]) == RESOURCES


def test_should_use_the_configured_names(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_REQUESTS_TOPIC", "requests-x")

    run = cli("topology", "apply")

    assert "topics/requests-x" in _names(run.document()["created"])
