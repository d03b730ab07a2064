import json
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

POLL_SECONDS = 1.0


@dataclass(slots=True)
class ResultEntry:
    first_arrival: float
    last_arrival: float
    deliveries: int = 0
    event_ids: set[str] = field(default_factory=set)
    event_types: set[str] = field(default_factory=set)


class ResultLedger:
    """One streaming pull on a subscription for the whole run: for each import_id, when its first
    and last message arrived, how many arrived, and every distinct event_id and event_type."""

    def __init__(self, subscriber: Any, subscription_path: str) -> None:
        self._subscriber = subscriber
        self._path = subscription_path
        self._lock = threading.Lock()
        self._entries: dict[str, ResultEntry] = {}
        self._future: Any = None

    def start(self) -> "ResultLedger":
        self._future = self._subscriber.subscribe(self._path, self._on_message)
        return self

    def stop(self) -> None:
        if self._future is not None:
            self._future.cancel()
            self._future.result(timeout=30)

    def entries(self) -> dict[str, ResultEntry]:
        with self._lock:
            return dict(self._entries)

    def messages(self) -> int:
        with self._lock:
            return sum(entry.deliveries for entry in self._entries.values())

    def missing(self, import_ids: Collection[str]) -> int:
        with self._lock:
            return sum(1 for import_id in import_ids if import_id not in self._entries)

    def wait_for(
        self, import_ids: Collection[str], *, timeout_seconds: float, alive: Callable[[], None]
    ) -> None:
        deadline = time.monotonic() + timeout_seconds
        while self.missing(import_ids):
            alive()
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.missing(import_ids)} results missing")
            time.sleep(POLL_SECONDS)

    def _on_message(self, message: Any) -> None:
        arrived = time.time()
        body = _document(message.data)
        message.ack()
        import_id = str(body.get("import_id", message.message_id))
        with self._lock:
            entry = self._entries.setdefault(import_id, ResultEntry(arrived, arrived))
            entry.last_arrival = arrived
            entry.deliveries += 1
            entry.event_ids.add(str(body.get("event_id")))
            entry.event_types.add(str(body.get("event_type")))


def _document(data: bytes) -> dict[str, Any]:
    try:
        body = json.loads(data)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
