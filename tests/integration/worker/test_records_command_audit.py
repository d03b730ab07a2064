import getpass
import json
from pathlib import Path
from typing import Any

import pytest

from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.integration.worker.audit_subscription import create_audit_subscription
from tests.unit.worker.cli.cli_runner import CliRunner

pytestmark = pytest.mark.integration


@pytest.fixture
def audit_subscription(applied_topology: str) -> str:
    return create_audit_subscription(applied_topology)


@pytest.fixture
def imported(cli: CliRunner, customers_csv: Path) -> None:
    cli("import", str(customers_csv), "--dataset", "customers", "--key-column", "id")


def audits(reader: SubscriptionReader, subscription: str) -> list[dict[str, Any]]:
    return [json.loads(message.data) for message in reader.read(subscription, count=2)]


@pytest.mark.usefixtures("imported")
def test_should_publish_one_records_read_audit_naming_the_operator(
    cli: CliRunner, audit_subscription: str, subscription_reader: SubscriptionReader
) -> None:
    run = cli("records", "get", "customers", "2")

    published = audits(subscription_reader, audit_subscription)
    assert [
        {key: audit[key] for key in ("event_type", "actor", "resource", "outcome")}
        for audit in published
    ] == [
        {
            "event_type": "records.read",
            "actor": {"subject": getpass.getuser(), "roles": []},
            "resource": {"dataset": "customers", "import_id": run.document()["import_id"]},
            "outcome": "success",
        }
    ]


@pytest.mark.usefixtures("imported")
def test_should_audit_a_read_of_an_absent_record_as_a_failure(
    cli: CliRunner, audit_subscription: str, subscription_reader: SubscriptionReader
) -> None:
    cli("records", "get", "customers", "99")

    published = audits(subscription_reader, audit_subscription)
    assert [audit["outcome"] for audit in published] == ["failure"]


@pytest.mark.usefixtures("imported")
def test_should_print_no_record_when_the_audit_cannot_be_published(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDIT_EVENTS_TOPIC", "no-such-topic")

    run = cli("records", "get", "customers", "2")

    assert run.stdout == ""
