from dataclasses import dataclass

from application.ports.outbox import OutboxBacklog
from application.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureOutboxUseCase:
    """How far publishing lags: the outbox messages committed but not yet published."""

    uow: UnitOfWork

    def execute(self) -> OutboxBacklog:
        with self.uow as uow:
            return uow.outbox.backlog()
