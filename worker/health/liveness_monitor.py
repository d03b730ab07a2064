import time
from collections.abc import Callable

from worker.health.subscriber_liveness import SubscriberLiveness


class LivenessMonitor:
    def __init__(
        self,
        subscriber: SubscriberLiveness,
        *,
        stuck_after_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._subscriber = subscriber
        self._stuck_after_seconds = stuck_after_seconds
        self._clock = clock
        self._last_beat = clock()

    def beat(self) -> None:
        self._last_beat = self._clock()

    def alive(self) -> bool:
        return self._subscriber.is_alive() and not self._stuck()

    def _stuck(self) -> bool:
        return self._clock() - self._last_beat >= self._stuck_after_seconds
