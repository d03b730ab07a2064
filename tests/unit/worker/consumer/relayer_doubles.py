import threading
from collections.abc import Sequence

from application.errors import DependencyUnavailableError
from application.ports.outbound_message import OutboundMessage
from tests.fakes.fake_message_publisher import FakeMessagePublisher


class WatchedMessagePublisher(FakeMessagePublisher):
    """Fails its first calls, then publishes; notes the thread of every call."""

    def __init__(self, *, failures: int = 0) -> None:
        super().__init__()
        self._failures = failures
        self.threads: list[threading.Thread] = []
        self.relayed = threading.Event()
        self.attempted = threading.Event()

    def publish(self, messages: Sequence[OutboundMessage]) -> None:
        self.threads.append(threading.current_thread())
        self.attempted.set()
        if len(self.threads) <= self._failures:
            raise DependencyUnavailableError("pub/sub unreachable")
        super().publish(messages)
        self.relayed.set()
