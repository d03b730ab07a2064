import time
from collections.abc import Callable


class HttpsDeadline:
    """The moment a whole fetch must be over by; every wait on the socket ends by then."""

    def __init__(
        self,
        seconds: float,
        *,
        per_wait_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seconds = seconds
        self._per_wait_seconds = per_wait_seconds
        self._clock = clock
        self._ends_at = clock() + seconds

    def next_wait(self) -> float:
        left = self._ends_at - self._clock()
        if left <= 0:
            raise self._passed()
        return min(left, self._per_wait_seconds)

    def check(self) -> None:
        if self._clock() >= self._ends_at:
            raise self._passed()

    def _passed(self) -> TimeoutError:
        return TimeoutError(f"the {self._seconds:g} s deadline passed")
