import pytest

from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.unit.worker.cli.cli_runner import CliRunner

pytestmark = pytest.mark.integration


@pytest.mark.usefixtures("applied_topology")
def test_should_exit_zero_when_the_subscription_and_the_repository_answer(
    cli: CliRunner,
) -> None:
    run = cli("health")

    assert run.exit_code == 0


@pytest.mark.usefixtures("applied_topology")
def test_should_print_the_readiness_document(cli: CliRunner) -> None:
    run = cli("health")

    assert {name: check["status"] for name, check in run.document()["checks"].items()} == {
        "pubsub": "up",
        "repository": "up",
    }


def test_should_exit_one_when_the_subscription_is_missing(cli: CliRunner) -> None:
    run = cli("health")

    assert run.exit_code == 1


def test_should_report_the_subscription_down_when_it_is_missing(cli: CliRunner) -> None:
    run = cli("health")

    assert run.document()["checks"]["pubsub"]["status"] == "down"


@pytest.mark.usefixtures("applied_topology")
def test_should_exit_one_when_the_subscription_was_deleted(
    cli: CliRunner, subscription_reader: SubscriptionReader
) -> None:
    subscription_reader.delete("import-requests-worker")

    run = cli("health")

    assert run.exit_code == 1
