import time
from typing import Any

from google.api_core.exceptions import DeadlineExceeded
from google.cloud import pubsub_v1


class SubscriptionReader:
    def __init__(self, project_id: str) -> None:
        self._project_id = project_id
        self._client = pubsub_v1.SubscriberClient()

    def read(self, subscription: str, *, count: int = 1, timeout_seconds: float = 5.0) -> list[Any]:
        path = self._client.subscription_path(self._project_id, subscription)
        deadline = time.monotonic() + timeout_seconds
        messages: list[Any] = []
        while len(messages) < count and time.monotonic() < deadline:
            messages += self._pull_and_ack(path, count - len(messages))
        return messages

    def describe(self, subscription: str) -> Any:
        path = self._client.subscription_path(self._project_id, subscription)
        return self._client.get_subscription(request={"subscription": path}, timeout=5)

    def delete(self, subscription: str) -> None:
        path = self._client.subscription_path(self._project_id, subscription)
        self._client.delete_subscription(request={"subscription": path}, timeout=5)

    def close(self) -> None:
        self._client.close()

    def _pull_and_ack(self, path: str, wanted: int) -> list[Any]:
        try:
            response = self._client.pull(
                request={"subscription": path, "max_messages": wanted}, timeout=0.5
            )
        except DeadlineExceeded:
            return []
        received = list(response.received_messages)
        if received:
            ack_ids = [item.ack_id for item in received]
            self._client.acknowledge(request={"subscription": path, "ack_ids": ack_ids})
        return [item.message for item in received]
