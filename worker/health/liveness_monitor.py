import time
from collections.abc import Callable


class LivenessMonitor:
    """Alive while the consume loop beats: a loop that pauses pulling in an outage still beats."""

    def __init__(
        self, *, stuck_after_seconds: float = 30.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stuck_after_seconds = stuck_after_seconds
        self._clock = clock
        self._last_beat = clock()

    def beat(self) -> None:
        self._last_beat = self._clock()

    def alive(self) -> bool:
        return self._clock() - self._last_beat < self._stuck_after_seconds
