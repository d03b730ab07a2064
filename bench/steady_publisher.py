import time
from collections.abc import Sequence
from typing import Any

from bench.bench_pubsub import BenchPubSub, OutgoingMessage

PUBLISH_TIMEOUT_SECONDS = 60.0


def publish_steadily(
    pubsub: BenchPubSub, topic: str, messages: Sequence[OutgoingMessage], rate: float
) -> dict[str, float]:
    """Publishes at a fixed rate; returns each import_id's monotonic time at its publish call."""
    published: dict[str, float] = {}
    futures: list[Any] = []
    begin = time.monotonic()
    for number, message in enumerate(messages):
        _sleep_until(begin + number / rate)
        published[message.import_id] = time.monotonic()
        futures.append(pubsub.publish(topic, message))
    for future in futures:
        future.result(timeout=PUBLISH_TIMEOUT_SECONDS)
    return published


def _sleep_until(moment: float) -> None:
    remaining = moment - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)
