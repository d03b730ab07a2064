from collections.abc import Mapping
from typing import Any

from pact.types import Message

from application.ports.outbound_message import OutboundMessage
from tests.contract.worker_events import worker_messages

JSON = "application/json"


class WorkerEventsProvider:
    """The worker as the provider of its events: a provider state is a request it answered, and
    each message is one its use cases published for it."""

    def __init__(self, event_types: Mapping[str, str]) -> None:
        self._event_types = event_types
        self._published: list[OutboundMessage] = []

    def given(self, state: str, action: str, parameters: dict[str, Any] | None) -> None:
        self._published = worker_messages(state)

    def message(self, name: str, metadata: dict[str, Any] | None) -> Message:
        event_type = self._event_types[name]
        published = next(
            message
            for message in self._published
            if message.attributes.get("event_type") == event_type
        )
        return Message(
            contents=published.data, metadata=dict(published.attributes), content_type=JSON
        )
