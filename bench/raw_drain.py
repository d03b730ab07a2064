import threading
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class DrainTiming:
    started: float
    first: float
    last: float
    deliveries: int


class RawDrain:
    """Baseline: one streaming pull whose callback only acks, until every message was seen."""

    def __init__(self, subscriber: Any, subscription_path: str) -> None:
        self._subscriber = subscriber
        self._path = subscription_path
        self._count = 0
        self._seen: set[str] = set()
        self._deliveries = 0
        self._times: list[float] = []
        self._lock = threading.Lock()
        self._complete = threading.Event()

    def run(self, count: int, *, flow_control: Any, timeout_seconds: float) -> DrainTiming:
        self._count = count
        started = time.monotonic()
        future = self._subscriber.subscribe(self._path, self._on_message, flow_control=flow_control)
        drained = self._complete.wait(timeout_seconds)
        future.cancel()
        future.result(timeout=30)
        if not drained:
            raise RuntimeError(f"raw subscriber saw {len(self._seen)} of {count} messages")
        return DrainTiming(
            started=started, first=self._times[0], last=self._times[-1], deliveries=self._deliveries
        )

    def _on_message(self, message: Any) -> None:
        message.ack()
        acked = time.monotonic()
        with self._lock:
            self._deliveries += 1
            self._record(message.message_id, acked)

    def _record(self, message_id: str, acked: float) -> None:
        if message_id in self._seen:
            return
        self._seen.add(message_id)
        self._times.append(acked)
        if len(self._seen) == self._count:
            self._complete.set()
