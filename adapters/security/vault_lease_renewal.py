import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from application.errors import DependencyUnavailableError
from shared.configuration_error import ConfigurationError

logger = logging.getLogger(__name__)
LONGEST_WAIT_SECONDS = 60.0
SHORTEST_WAIT_SECONDS = 0.05


class Maintained(Protocol):
    def maintain(self) -> float: ...


class VaultLeaseRenewal:
    """A daemon thread that keeps the Vault token and the leases alive: it does what is due,
    then sleeps until the next renewal (at most a minute). When Vault does not answer it tries
    again after `retry_seconds`, without a retry loop of its own: the next round is the retry."""

    def __init__(
        self,
        kept: Sequence[Maintained],
        *,
        retry_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
        on_close: Callable[[], None] = lambda: None,
    ) -> None:
        self._kept = kept
        self._retry_seconds = retry_seconds
        self._clock = clock
        self._on_close = on_close
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="vault-lease-renewal", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()
        self._on_close()

    def run_once(self) -> float:
        """Maintains each kept lease; returns the seconds to wait before the next round."""
        try:
            due = min((kept.maintain() for kept in self._kept), default=math.inf)
        except (DependencyUnavailableError, ConfigurationError) as error:
            logger.warning(
                "vault.renewal_failed", extra={"error": type(error).__name__, "reason": str(error)}
            )
            return self._retry_seconds
        return min(max(due - self._clock(), SHORTEST_WAIT_SECONDS), LONGEST_WAIT_SECONDS)

    def _run(self) -> None:
        while not self._stopped.wait(self.run_once()):
            continue
