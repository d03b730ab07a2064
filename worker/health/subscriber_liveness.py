from typing import Protocol


class SubscriberLiveness(Protocol):
    def is_alive(self) -> bool: ...
