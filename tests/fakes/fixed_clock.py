from datetime import datetime, timedelta

from application.ports.clock import Clock


class FixedClock(Clock):

    def __init__(self, start: datetime, *, tick: timedelta = timedelta(0)) -> None:
        self._next = start
        self._tick = tick

    def now(self) -> datetime:
        moment = self._next
        self._next = moment + self._tick
        return moment
