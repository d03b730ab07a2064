import threading
import time
from collections.abc import Callable

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage

Handle = Callable[[InboundMessage], AckDecision]


class FakeSubscriber:
    def __init__(
        self, *, alive: bool = True, drained: bool = True, stop_seconds: float = 0.0
    ) -> None:
        self.alive = alive
        self._drained = drained
        self._stop_seconds = stop_seconds
        self.handle: Handle | None = None
        self.stop_graces: list[float] = []
        self.on_stop: Callable[[], None] = lambda: None

    def start(self, handle: Handle) -> None:
        self.handle = handle

    def stop(self, grace_seconds: float) -> bool:
        self.stop_graces.append(grace_seconds)
        self.on_stop()
        time.sleep(self._stop_seconds)
        return self._drained

    def is_alive(self) -> bool:
        return self.alive


class FakeSidecar:
    def __init__(self) -> None:
        self.events: list[str] = []

    def start(self) -> None:
        self.events.append("start")

    def stop(self) -> None:
        self.events.append("stop")


class FakeHeartbeat:
    def __init__(self) -> None:
        self.beats = 0
        self.on_beat: Callable[[int], None] = lambda beats: None
        self.beaten = threading.Event()

    def beat(self) -> None:
        self.beats += 1
        self.beaten.set()
        self.on_beat(self.beats)


class FakeRelayer:
    def __init__(self, subscriber: FakeSubscriber, timeline: list[str]) -> None:
        self._subscriber = subscriber
        self._timeline = timeline

    def start(self) -> None:
        pulling = "pulling" if self._subscriber.handle else "not pulling"
        self._timeline.append(f"relayer started, subscriber {pulling}")

    def stop(self) -> None:
        self._timeline.append("relayer stopped")


class FakeSupervisor:
    """Starts the subscriber with an acking handler and counts the beats it is tended at."""

    def __init__(self, subscriber: FakeSubscriber, handle: Handle) -> None:
        self._subscriber = subscriber
        self._handle = handle
        self.tended = 0

    def start(self) -> None:
        self._subscriber.start(self._handle)

    def tend(self) -> None:
        self.tended += 1
