from application.ports.message_publisher import MessagePublisher
from application.ports.unit_of_work import UnitOfWork

RELAY_BATCH_SIZE = 500


class RelayOutboxUseCase:
    """Publishes pending outbox messages, oldest first; a message is marked only once published."""

    def __init__(
        self, *, uow: UnitOfWork, publisher: MessagePublisher, batch_size: int = RELAY_BATCH_SIZE
    ) -> None:
        self._uow = uow
        self._publisher = publisher
        self._batch_size = batch_size

    def execute(self) -> int:
        published = 0
        while relayed := self._relay_batch():
            published += relayed
        return published

    def _relay_batch(self) -> int:
        with self._uow as uow:
            pending = uow.outbox.pending(self._batch_size)
            if pending:
                self._publisher.publish([entry.message for entry in pending])
                uow.outbox.mark_published([entry.position for entry in pending])
                uow.commit()
        return len(pending)
