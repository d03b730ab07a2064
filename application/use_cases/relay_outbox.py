import logging
from collections.abc import Sequence

from application.errors import DependencyUnavailableError, MessageRefusedError
from application.ports.message_publisher import MessagePublisher
from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.unit_of_work import UnitOfWork

RELAY_BATCH_SIZE = 500

logger = logging.getLogger(__name__)


class RelayOutboxUseCase(OutboxHandOver):
    """Publishes outbox messages, handed over or pending; a message is marked only once published.

    A hand-over publishes on the caller's thread, at once after the commit; when Pub/Sub or the
    store is unavailable it leaves the messages pending for a later sweep and returns, since the
    events are durable in the outbox. A message Pub/Sub refuses for good (too large, malformed) is
    logged and marked, so that it cannot hold up the others."""

    def __init__(
        self, *, uow: UnitOfWork, publisher: MessagePublisher, batch_size: int = RELAY_BATCH_SIZE
    ) -> None:
        self._uow = uow
        self._publisher = publisher
        self._batch_size = batch_size

    def execute(self, *, min_age_seconds: float = 0.0) -> int:
        published = 0
        while relayed := self._relay_batch(min_age_seconds):
            published += relayed
        return published

    def hand_over(self, written: Sequence[PendingMessage]) -> None:
        try:
            with self._uow as uow:
                self._publish_then_mark(uow, written)
        except DependencyUnavailableError as error:
            extra = {"messages": len(written), "error_code": error.code}
            logger.warning("outbox.hand_over_deferred", extra=extra)

    def _relay_batch(self, min_age_seconds: float) -> int:
        with self._uow as uow:
            pending = uow.outbox.pending(self._batch_size, min_age_seconds=min_age_seconds)
            if pending:
                self._publish_then_mark(uow, pending)
        return len(pending)

    def _publish_then_mark(self, uow: UnitOfWork, entries: Sequence[PendingMessage]) -> None:
        try:
            self._publisher.publish([entry.message for entry in entries])
        except MessageRefusedError:
            for entry in entries:
                self._publish_alone(entry)
        uow.outbox.mark_published([entry.position for entry in entries])
        uow.commit()

    def _publish_alone(self, entry: PendingMessage) -> None:
        try:
            self._publisher.publish([entry.message])
        except MessageRefusedError as error:
            extra = {"position": entry.position, "topic": entry.message.topic, "reason": str(error)}
            logger.error("outbox.message_refused", extra=extra)
