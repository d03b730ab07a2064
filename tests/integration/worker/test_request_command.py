import json
from pathlib import Path
from typing import Any

import jwt
import pytest

from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.unit.worker.cli.cli_runner import CliRunner

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("applied_topology")]

SECRET = "a-development-secret-of-32-bytes!"
WORKER_SUBSCRIPTION = "import-requests-worker"


def _received(reader: SubscriptionReader) -> Any:
    return reader.read(WORKER_SUBSCRIPTION)[0]


def _body(reader: SubscriptionReader) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(_received(reader).data)
    return body


def test_should_publish_a_file_as_its_file_uri(
    cli: CliRunner, customers_csv: Path, subscription_reader: SubscriptionReader
) -> None:
    cli("request", str(customers_csv), "--dataset", "customers")

    assert _body(subscription_reader)["source"] == {"uri": customers_csv.resolve().as_uri()}


def test_should_publish_a_file_inline(
    cli: CliRunner, customers_csv: Path, subscription_reader: SubscriptionReader
) -> None:
    cli("request", str(customers_csv), "--dataset", "customers", "--inline")

    assert _body(subscription_reader)["source"] == {"inline": "id,name\n1,Ada\n2,Bob\n"}


def test_should_publish_a_uri_as_given(
    cli: CliRunner, subscription_reader: SubscriptionReader
) -> None:
    cli("request", "gs://bucket/customers.csv", "--dataset", "customers")

    assert _body(subscription_reader)["source"] == {"uri": "gs://bucket/customers.csv"}


def test_should_publish_the_key_columns_and_the_columns_map(
    cli: CliRunner, customers_csv: Path, tmp_path: Path, subscription_reader: SubscriptionReader
) -> None:
    columns = tmp_path / "columns.json"
    columns.write_text('{"id": {"type": "integer", "required": true}}', encoding="utf-8")

    cli(
        "request",
        str(customers_csv),
        "--dataset",
        "customers",
        "--key-column",
        "id",
        "--columns",
        str(columns),
    )

    body = _body(subscription_reader)
    assert {key: body[key] for key in ("key_columns", "columns")} == {
        "key_columns": ["id"],
        "columns": {"id": {"type": "integer", "required": True}},
    }


def test_should_print_the_ids_it_published_under(
    cli: CliRunner, customers_csv: Path, subscription_reader: SubscriptionReader
) -> None:
    run = cli("request", str(customers_csv), "--dataset", "customers")

    received = _received(subscription_reader)
    assert run.document() == {
        "import_id": json.loads(received.data)["import_id"],
        "correlation_id": received.attributes["correlation_id"],
    }


def test_should_use_the_given_import_and_correlation_ids(
    cli: CliRunner, customers_csv: Path
) -> None:
    run = cli(
        "request",
        str(customers_csv),
        "--dataset",
        "customers",
        "--import-id",
        "batch-9",
        "--correlation-id",
        "corr-9",
    )

    assert run.document() == {"import_id": "batch-9", "correlation_id": "corr-9"}


def test_should_mark_the_message_as_schema_version_one(
    cli: CliRunner, customers_csv: Path, subscription_reader: SubscriptionReader
) -> None:
    cli("request", str(customers_csv), "--dataset", "customers")

    assert _received(subscription_reader).attributes["schema_version"] == "1"


def test_should_send_no_authorization_without_a_secret_or_a_token(
    cli: CliRunner, customers_csv: Path, subscription_reader: SubscriptionReader
) -> None:
    cli("request", str(customers_csv), "--dataset", "customers")

    assert "authorization" not in _received(subscription_reader).attributes


def test_should_send_the_given_token(
    cli: CliRunner, customers_csv: Path, subscription_reader: SubscriptionReader
) -> None:
    cli("request", str(customers_csv), "--dataset", "customers", "--token", "given-token")

    assert _received(subscription_reader).attributes["authorization"] == "Bearer given-token"


def test_should_send_a_token_minted_with_the_configured_secret(
    cli: CliRunner,
    customers_csv: Path,
    subscription_reader: SubscriptionReader,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AUTH_JWT_SECRET", SECRET)

    cli(
        "request",
        str(customers_csv),
        "--dataset",
        "customers",
        "--subject",
        "bob",
        "--role",
        "admin",
    )

    token = _received(subscription_reader).attributes["authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert {key: claims[key] for key in ("sub", "roles")} == {"sub": "bob", "roles": ["admin"]}
