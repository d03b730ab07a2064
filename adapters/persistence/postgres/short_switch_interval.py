import sys
import threading
from typing import ClassVar


class ShortSwitchInterval:
    _lock: ClassVar[threading.Lock] = threading.Lock()
    _holders: ClassVar[int] = 0
    _restored_seconds: ClassVar[float] = 0.0

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    def __enter__(self) -> None:
        with ShortSwitchInterval._lock:
            if ShortSwitchInterval._holders == 0:
                ShortSwitchInterval._restored_seconds = sys.getswitchinterval()
                sys.setswitchinterval(min(self._seconds, ShortSwitchInterval._restored_seconds))
            ShortSwitchInterval._holders += 1

    def __exit__(self, *_: object) -> None:
        with ShortSwitchInterval._lock:
            ShortSwitchInterval._holders -= 1
            if ShortSwitchInterval._holders == 0:
                sys.setswitchinterval(ShortSwitchInterval._restored_seconds)
