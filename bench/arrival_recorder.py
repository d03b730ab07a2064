import json
import threading
import time
from collections.abc import Iterable
from typing import Any


class ArrivalRecorder:
    """One streaming pull on a results subscription for the whole run (the emulator may keep
    delivering to a cancelled stream): first arrival time of each expected import_id."""

    def __init__(self, subscriber: Any, subscription_path: str) -> None:
        self._subscriber = subscriber
        self._path = subscription_path
        self._expected: frozenset[str] = frozenset()
        self.arrivals: dict[str, float] = {}
        self.deliveries = 0
        self._lock = threading.Lock()
        self._complete = threading.Event()
        self._future: Any = None

    def start(self) -> None:
        self._future = self._subscriber.subscribe(self._path, self._on_message)

    def expect(self, import_ids: Iterable[str]) -> None:
        with self._lock:
            self._expected = frozenset(import_ids)
            self.arrivals = {}
            self.deliveries = 0
            self._complete.clear()

    def wait(self, timeout_seconds: float) -> bool:
        return self._complete.wait(timeout_seconds)

    def stop(self) -> None:
        if self._future is not None:
            self._future.cancel()
            self._future.result(timeout=30)

    def missing(self) -> int:
        with self._lock:
            return len(self._expected) - len(self.arrivals)

    def _on_message(self, message: Any) -> None:
        arrived = time.monotonic()
        import_id = json.loads(message.data).get("import_id")
        message.ack()
        with self._lock:
            self.deliveries += 1
            self._record(import_id, arrived)

    def _record(self, import_id: object, arrived: float) -> None:
        if import_id in self._expected and import_id not in self.arrivals:
            self.arrivals[str(import_id)] = arrived
            if len(self.arrivals) == len(self._expected):
                self._complete.set()
