from typing import Protocol


class ReachableSubscription(Protocol):
    def probe(self) -> float: ...
