from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.emulator_clients import emulator_publisher, emulator_subscriber

PUBLISH_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True, slots=True, kw_only=True)
class OutgoingMessage:
    import_id: str
    data: bytes
    attributes: dict[str, str]


class BenchPubSub:
    def __init__(self, *, host: str, project: str) -> None:
        self.host = host
        self.project = project
        self.publisher = emulator_publisher(host)
        self.subscriber = emulator_subscriber(host)

    def topic_path(self, topic: str) -> str:
        return str(self.publisher.topic_path(self.project, topic))

    def subscription_path(self, subscription: str) -> str:
        return str(self.subscriber.subscription_path(self.project, subscription))

    def create_subscription(self, subscription: str, topic: str) -> str:
        path = self.subscription_path(subscription)
        self.subscriber.create_subscription(
            request={"name": path, "topic": self.topic_path(topic), "ack_deadline_seconds": 60}
        )
        return path

    def delete_subscription(self, subscription: str) -> None:
        self.subscriber.delete_subscription(subscription=self.subscription_path(subscription))

    def publish(self, topic: str, message: OutgoingMessage) -> Any:
        return self.publisher.publish(self.topic_path(topic), message.data, **message.attributes)

    def publish_all(self, topic: str, messages: Sequence[OutgoingMessage]) -> None:
        futures = [self.publish(topic, message) for message in messages]
        for future in futures:
            future.result(timeout=PUBLISH_TIMEOUT_SECONDS)

    def close(self) -> None:
        self.publisher.stop()
        self.subscriber.close()
