import argparse
import json
import sys
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from google.api_core.exceptions import AlreadyExists
from google.cloud import pubsub_v1

PULL_SECONDS = 2.0


def subscribe(project: str, topic: str, subscription: str) -> None:
    subscriber = pubsub_v1.SubscriberClient()
    topic_path = pubsub_v1.PublisherClient.topic_path(project, topic)
    try:
        subscriber.create_subscription(
            name=subscriber.subscription_path(project, subscription), topic=topic_path
        )
    except AlreadyExists:
        pass


def wait(project: str, subscription: str, import_id: str, timeout: float) -> int:
    subscriber = pubsub_v1.SubscriberClient()
    path = subscriber.subscription_path(project, subscription)
    attempts = max(int(timeout / PULL_SECONDS), 1)
    for _ in range(attempts):
        event = _pull_matching(subscriber, path, import_id)
        if event is not None:
            print(json.dumps(event, indent=2))
            subscriber.delete_subscription(subscription=path)
            return 0
    print(f"no result event for {import_id} within {timeout:.0f} s", file=sys.stderr)
    return 1


def _pull_matching(subscriber: Any, path: str, import_id: str) -> dict[str, Any] | None:
    try:
        response = subscriber.pull(subscription=path, max_messages=10, timeout=PULL_SECONDS)
    except FutureTimeout:
        return None
    events = [json.loads(item.message.data) for item in response.received_messages]
    if response.received_messages:
        ack_ids = [item.ack_id for item in response.received_messages]
        subscriber.acknowledge(subscription=path, ack_ids=ack_ids)
    return next((event for event in events if event.get("import_id") == import_id), None)


def main() -> int:
    parser = argparse.ArgumentParser(description="Demo helper: watch the import-results topic.")
    parser.add_argument("action", choices=["subscribe", "wait"])
    parser.add_argument("--project", required=True)
    parser.add_argument("--topic", default="import-results")
    parser.add_argument("--subscription", required=True)
    parser.add_argument("--import-id")
    parser.add_argument("--timeout", type=float, default=60.0)
    arguments = parser.parse_args()
    if arguments.action == "subscribe":
        subscribe(arguments.project, arguments.topic, arguments.subscription)
        return 0
    return wait(arguments.project, arguments.subscription, arguments.import_id, arguments.timeout)


if __name__ == "__main__":
    sys.exit(main())
