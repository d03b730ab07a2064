import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from application.errors import DependencyUnavailableError
from application.ports.outbox import OutboxBacklog

logger = logging.getLogger(__name__)


class BacklogGauge(Protocol):
    def outbox_backlog(self, pending: int, oldest_age_seconds: float) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxBacklogReport:
    """Measures the outbox's backlog for the metrics; while the store cannot answer, the last
    figures stay and a warning is logged."""

    measure: Callable[[], OutboxBacklog]
    gauge: BacklogGauge

    def __call__(self) -> None:
        try:
            backlog = self.measure()
        except DependencyUnavailableError as error:
            logger.warning("outbox.measure_failed", extra={"error_code": error.code})
            return
        self.gauge.outbox_backlog(backlog.pending, backlog.oldest_age_seconds)
