import threading
import time

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage


class RecordingHandler:
    def __init__(self, *outcomes: AckDecision | Exception, hold_seconds: float = 0.0) -> None:
        self._outcomes = list(outcomes)
        self._hold_seconds = hold_seconds
        self._condition = threading.Condition()
        self.deliveries: list[InboundMessage] = []
        self.completed = 0

    def __call__(self, message: InboundMessage) -> AckDecision:
        with self._condition:
            self.deliveries.append(message)
            outcome = self._outcomes[min(len(self.deliveries), len(self._outcomes)) - 1]
            self._condition.notify_all()
        time.sleep(self._hold_seconds)
        with self._condition:
            self.completed += 1
            self._condition.notify_all()
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def wait_for_deliveries(self, count: int, timeout_seconds: float = 10.0) -> bool:
        with self._condition:
            return self._condition.wait_for(lambda: len(self.deliveries) >= count, timeout_seconds)

    def wait_for_completions(self, count: int, timeout_seconds: float = 10.0) -> bool:
        with self._condition:
            return self._condition.wait_for(lambda: self.completed >= count, timeout_seconds)
