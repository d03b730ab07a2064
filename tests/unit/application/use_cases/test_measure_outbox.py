from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.outbound_message import OutboundMessage
from application.use_cases.measure_outbox import MeasureOutboxUseCase

MESSAGE = OutboundMessage(topic="import-results", data=b"{}")


def test_should_report_the_messages_committed_but_not_published() -> None:
    uow = InMemoryUnitOfWork()
    with uow:
        uow.outbox.add([MESSAGE, MESSAGE])
        uow.commit()
    sut = MeasureOutboxUseCase(uow=uow)

    backlog = sut.execute()

    assert backlog.pending == 2
