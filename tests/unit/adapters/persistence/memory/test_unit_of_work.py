from datetime import UTC, datetime

from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.outbound_message import OutboundMessage
from domain.events.import_completed import ImportCompleted

AT = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
MESSAGE = OutboundMessage(topic="import-events", data=b"{}")


def a_completion(event_id: str) -> ImportCompleted:
    return ImportCompleted(
        event_id=event_id,
        import_id="import-1",
        dataset="customers",
        correlation_id="correlation-1",
        started_at=AT,
        finished_at=AT,
    )


def test_should_keep_the_completion_committed_first_by_two_overlapping_units() -> None:
    store = InMemoryStore()
    first, second = InMemoryUnitOfWork(store), InMemoryUnitOfWork(store)
    with first, second:
        first.imports.add(a_completion("event-first"))
        second.imports.add(a_completion("event-second"))
        first.commit()
        second.commit()

    found = store.imports["import-1"]

    assert found == a_completion("event-first")


def test_should_keep_its_own_store_when_given_none() -> None:
    sut = InMemoryUnitOfWork()
    with sut:
        sut.outbox.add([MESSAGE])
        sut.commit()

    found = list(sut.store.outbox.values())

    assert found == [MESSAGE]


def test_should_offer_a_held_message_again_when_the_unit_is_entered_anew() -> None:
    sut = InMemoryUnitOfWork()
    with sut:
        sut.outbox.add([MESSAGE])
        sut.commit()
        sut.outbox.pending(1)

    with sut:
        pending = [entry.message for entry in sut.outbox.pending(1)]

    assert pending == [MESSAGE]
