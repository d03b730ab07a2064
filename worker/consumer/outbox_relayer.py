import logging
import threading
from collections.abc import Callable

from application.errors import DependencyUnavailableError
from application.use_cases.relay_outbox import RelayOutboxUseCase

DEFAULT_INTERVAL_SECONDS = 1.0
DEFAULT_SWEEP_MIN_AGE_SECONDS = 5.0

logger = logging.getLogger(__name__)


class OutboxRelayer:
    """Sweeps the outbox on its own thread every interval, for messages a failed publish or a
    crashed process left behind; those younger than the minimum age are still being handed over.
    After each sweep it reports the backlog left."""

    def __init__(
        self,
        relay: RelayOutboxUseCase,
        *,
        interval_seconds: float = DEFAULT_INTERVAL_SECONDS,
        sweep_min_age_seconds: float = DEFAULT_SWEEP_MIN_AGE_SECONDS,
        report: Callable[[], None] = lambda: None,
    ) -> None:
        self._relay = relay
        self._report = report
        self._interval_seconds = interval_seconds
        self._sweep_min_age_seconds = sweep_min_age_seconds
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._work, name="outbox-relayer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()
        self.relay_now()

    def relay_now(self, *, min_age_seconds: float = 0.0) -> None:
        try:
            self._relay.execute(min_age_seconds=min_age_seconds)
        except DependencyUnavailableError as error:
            logger.warning("outbox.relay_failed", extra={"error_code": error.code})

    def _work(self) -> None:
        while not self._stopped.wait(self._interval_seconds):
            self._sweep()

    def _sweep(self) -> None:
        try:
            self.relay_now(min_age_seconds=self._sweep_min_age_seconds)
            self._report()
        except Exception:
            logger.exception("outbox.relay_crashed")
