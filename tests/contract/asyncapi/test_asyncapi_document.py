import inspect
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.messaging.topology_names import TopologyNames
from application.events.audit_event import AuditEventType
from application.services.outcome_messages import AUDITS
from tests.contract.asyncapi.asyncapi_document import (
    SCHEMA_FILE,
    AsyncApiSchemaLocation,
    asyncapi_document,
    examples_of,
    messages_of,
)
from tests.support.wire_schema_files import SCHEMAS_DIRECTORY, schema_violations
from tests.contract.worker_events import worker_messages
from worker.messages.import_request_parser import parse_import_request

Example = tuple[str, dict[str, Any], dict[str, Any]]
JSON_CHANNELS = ("importRequests", "importResults", "auditEvents")
PUBLISHED_CHANNELS = ("importResults", "auditEvents", "importRequestsDeadLetter")
DEFAULTS = inspect.signature(PubSubTopology.__init__).parameters


def examples(*channels: str) -> list[Any]:
    return [
        pytest.param(channel, message, example, id=f"{name}: {example['name']}")
        for channel in channels
        for name, message, example in examples_of(channel)
    ]


def schema_file(message: dict[str, Any]) -> str:
    return Path(message["payload"]["schema"]["$ref"]).name


def published(channel: str, example: dict[str, Any]) -> dict[str, Any]:
    address = asyncapi_document()["channels"][channel]["address"]
    event_type = example["headers"].get("event_type")
    message = next(
        message
        for message in worker_messages(example["summary"])
        if message.topic == address and message.attributes.get("event_type") == event_type
    )
    data = message.data.decode()
    payload = json.loads(data) if isinstance(example["payload"], dict) else data
    return {"headers": dict(message.attributes), "payload": payload}


@pytest.fixture(scope="module")
def official_schema() -> Any:
    return json.loads(AsyncApiSchemaLocation().schema_path().read_text(encoding="utf-8"))


def test_should_be_a_valid_asyncapi_3_0_0_document(official_schema: Any) -> None:
    errors = Draft7Validator(official_schema).iter_errors(asyncapi_document())

    assert [f"{list(error.absolute_path)}: {error.message}" for error in errors] == []


def test_should_read_the_official_schema_from_the_folder_the_variable_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / SCHEMA_FILE).write_text("{}", encoding="utf-8")
    monkeypatch.setenv("ASYNCAPI_SCHEMA_DIR", str(tmp_path))

    assert AsyncApiSchemaLocation().schema_path() == tmp_path / SCHEMA_FILE


def test_should_fail_loudly_when_the_official_schema_is_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="set ASYNCAPI_SCHEMA_DIR"):
        AsyncApiSchemaLocation(asyncapi_schema_dir=tmp_path).schema_path()


def test_should_name_every_topic_and_subscription_of_the_topology() -> None:
    document = asyncapi_document()
    addresses = {channel["address"] for channel in document["channels"].values()}
    subscriptions = {
        operation["x-google-pubsub-subscription"]["name"]
        for operation in document["operations"].values()
        if "x-google-pubsub-subscription" in operation
    }

    assert addresses | subscriptions == set(asdict(TopologyNames()).values())


def test_should_describe_the_worker_subscription_as_the_topology_creates_it() -> None:
    operation = asyncapi_document()["operations"]["receiveImportRequest"]

    assert operation["x-google-pubsub-subscription"] == {
        "name": TopologyNames().import_requests_subscription,
        "ackDeadlineSeconds": DEFAULTS["ack_deadline_seconds"].default,
        "retryPolicy": {
            "minimumBackoff": f"{DEFAULTS['minimum_backoff_seconds'].default}s",
            "maximumBackoff": f"{DEFAULTS['maximum_backoff_seconds'].default}s",
        },
        "deadLetterPolicy": {
            "deadLetterTopic": TopologyNames().dead_letter_topic,
            "maxDeliveryAttempts": DEFAULTS["max_delivery_attempts"].default,
        },
    }


def test_should_refer_the_payloads_to_the_checked_in_schemas() -> None:
    referred = {
        schema_file(message)
        for channel in JSON_CHANNELS
        for message in messages_of(channel).values()
    }

    assert referred == {path.name for path in SCHEMAS_DIRECTORY.glob("*.json")}


def test_should_describe_a_message_for_every_audit_event_type() -> None:
    names = {message["name"] for message in messages_of("auditEvents").values()}

    assert names == {str(event_type) for event_type in AuditEventType}


def test_should_describe_a_message_for_every_result_event_type() -> None:
    names = {message["name"] for message in messages_of("importResults").values()}

    assert names == {outcome.__name__ for outcome in AUDITS}


@pytest.mark.parametrize(("channel", "message", "example"), examples(*JSON_CHANNELS))
def test_should_give_examples_their_schema_accepts(
    channel: str, message: dict[str, Any], example: dict[str, Any]
) -> None:
    violations = schema_violations(schema_file(message), example["payload"])

    assert violations == []


@pytest.mark.parametrize(("channel", "message", "example"), examples("importRequests"))
def test_should_give_import_requests_the_worker_accepts(
    channel: str, message: dict[str, Any], example: dict[str, Any]
) -> None:
    command = parse_import_request(
        data=json.dumps(example["payload"]).encode(),
        attributes=example["headers"],
        request_id="example",
        correlation_id="example",
    )

    assert command.import_id == example["payload"]["import_id"]


@pytest.mark.parametrize(("channel", "message", "example"), examples(*PUBLISHED_CHANNELS))
def test_should_give_the_events_the_worker_publishes(
    channel: str, message: dict[str, Any], example: dict[str, Any]
) -> None:
    shown = {"headers": example["headers"], "payload": example["payload"]}

    assert shown == published(channel, example)
