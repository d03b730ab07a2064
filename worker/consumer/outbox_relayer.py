import logging
import threading

from application.errors import DependencyUnavailableError
from application.use_cases.relay_outbox import RelayOutboxUseCase

DEFAULT_INTERVAL_SECONDS = 1.0

logger = logging.getLogger(__name__)


class OutboxRelayer:
    """Publishes the outbox on its own thread: at once when kicked, else every interval."""

    def __init__(
        self, relay: RelayOutboxUseCase, *, interval_seconds: float = DEFAULT_INTERVAL_SECONDS
    ) -> None:
        self._relay = relay
        self._interval_seconds = interval_seconds
        self._kicked = threading.Event()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._work, name="outbox-relayer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def kick(self) -> None:
        self._kicked.set()

    def stop(self) -> None:
        self._stopped.set()
        self._kicked.set()
        if self._thread.is_alive():
            self._thread.join()
        self.relay_now()

    def relay_now(self) -> None:
        try:
            self._relay.execute()
        except DependencyUnavailableError as error:
            logger.warning("outbox.relay_failed", extra={"error_code": error.code})

    def _work(self) -> None:
        while not self._stopped.is_set():
            self._kicked.wait(self._interval_seconds)
            self._kicked.clear()
            self._relay_or_log()

    def _relay_or_log(self) -> None:
        try:
            self.relay_now()
        except Exception:
            logger.exception("outbox.relay_crashed")
