import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from google.api_core.exceptions import DeadlineExceeded
from google.cloud import pubsub_v1

from adapters.messaging.topology_names import TopologyNames
from tests.support.wire_schema_files import schema_violations

PULL_SECONDS = 1.0
MAX_MESSAGES = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceivedMessage:
    data: bytes
    attributes: dict[str, str]

    def body(self) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(self.data)
        return document


Condition = Callable[[list[ReceivedMessage]], bool]


class MessageSchemaError(Exception):
    def __init__(self, path: str, violations: list[str]) -> None:
        super().__init__(f"a message received on {path} violates its schema: {violations}")


class SubscriptionInbox:
    """Pulls what a subscription receives; each message must validate against the schema file."""

    def __init__(self, client: Any, path: str, schema_file: str | None = None) -> None:
        self._client = client
        self._path = path
        self._schema_file = schema_file
        self.received: list[ReceivedMessage] = []

    def wait_until(self, condition: Condition, *, timeout_seconds: float) -> list[ReceivedMessage]:
        deadline = time.monotonic() + timeout_seconds
        while not condition(self.received) and time.monotonic() < deadline:
            self._pull()
        return list(self.received)

    def collect_for(self, seconds: float) -> list[ReceivedMessage]:
        return self.wait_until(lambda _: False, timeout_seconds=seconds)

    def _pull(self) -> None:
        request = {"subscription": self._path, "max_messages": MAX_MESSAGES}
        try:
            response = self._client.pull(request=request, timeout=PULL_SECONDS)
        except DeadlineExceeded:
            return
        received = list(response.received_messages)
        if received:
            ack_ids = [item.ack_id for item in received]
            self._client.acknowledge(request={"subscription": self._path, "ack_ids": ack_ids})
        self.received += [self._checked(_message(item.message)) for item in received]

    def _checked(self, message: ReceivedMessage) -> ReceivedMessage:
        if self._schema_file is None:
            return message
        violations = schema_violations(self._schema_file, message.body())
        if violations:
            raise MessageSchemaError(self._path, violations)
        return message


class EventInbox:
    def __init__(self, project_id: str, names: TopologyNames = TopologyNames()) -> None:
        self._client = pubsub_v1.SubscriberClient()
        self._project_id = project_id
        self.results = self._subscribe(
            names.import_results_topic, "e2e-results-inbox", "result-event.json"
        )
        self.audits = self._subscribe(
            names.audit_events_topic, "e2e-audit-inbox", "audit-event.json"
        )
        self.dead_letters = self._subscribe(names.dead_letter_topic, "e2e-dead-letter-inbox")

    def close(self) -> None:
        self._client.close()

    def _subscribe(
        self, topic: str, subscription: str, schema_file: str | None = None
    ) -> SubscriptionInbox:
        path = self._client.subscription_path(self._project_id, subscription)
        topic_path = pubsub_v1.PublisherClient.topic_path(self._project_id, topic)
        self._client.create_subscription(request={"name": path, "topic": topic_path}, timeout=10)
        return SubscriptionInbox(self._client, str(path), schema_file)


def _message(message: Any) -> ReceivedMessage:
    return ReceivedMessage(data=bytes(message.data), attributes=dict(message.attributes))
