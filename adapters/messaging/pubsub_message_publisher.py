import time
from collections.abc import Sequence
from typing import Any

from google.cloud import pubsub_v1

from adapters.messaging.pubsub_call_policy import PUBSUB_FAILURES, bounded_retry
from application.errors import DependencyUnavailableError
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage


class PubSubMessagePublisher(MessagePublisher):
    def __init__(
        self,
        *,
        project_id: str,
        timeout_seconds: float = 10.0,
        max_latency_seconds: float = 0.01,
        max_batch_messages: int = 1000,
        max_batch_bytes: int = 1_000_000,
    ) -> None:
        self._project_id = project_id
        self._timeout_seconds = timeout_seconds
        self._retry = bounded_retry(timeout_seconds)
        self._client = pubsub_v1.PublisherClient(
            batch_settings=pubsub_v1.types.BatchSettings(
                max_bytes=max_batch_bytes,
                max_latency=max_latency_seconds,
                max_messages=max_batch_messages,
            )
        )

    def publish(self, messages: Sequence[OutboundMessage]) -> None:
        deadline = time.monotonic() + self._timeout_seconds
        try:
            futures = [self._submit(message) for message in messages]
            for future in futures:
                future.result(timeout=max(deadline - time.monotonic(), 0.0))
        except PUBSUB_FAILURES as error:
            raise DependencyUnavailableError("Pub/Sub publish failed") from error

    def close(self) -> None:
        self._client.stop()

    def _submit(self, message: OutboundMessage) -> Any:
        return self._client.publish(
            self._client.topic_path(self._project_id, message.topic),
            message.data,
            retry=self._retry,
            timeout=self._timeout_seconds,
            **message.attributes,
        )
