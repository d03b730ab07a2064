import contextlib
import logging
from collections.abc import Sequence

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import PendingMessage
from application.use_cases.relay_outbox import RelayOutboxUseCase
from tests.fakes.fake_message_publisher import FakeMessagePublisher

MESSAGES = [
    OutboundMessage(topic="import-results", data=b'{"n":1}', attributes={"event_type": "A"}),
    OutboundMessage(topic="audit-events", data=b'{"n":2}'),
    OutboundMessage(topic="audit-events", data=b'{"n":3}'),
    OutboundMessage(topic="import-results", data=b'{"n":4}'),
    OutboundMessage(topic="audit-events", data=b'{"n":5}'),
]


def outbox_holding(messages: Sequence[OutboundMessage]) -> InMemoryUnitOfWork:
    uow = InMemoryUnitOfWork()
    with uow:
        uow.outbox.add(messages)
        uow.commit()
    return uow


def pending(uow: InMemoryUnitOfWork) -> list[OutboundMessage]:
    with uow:
        return [entry.message for entry in uow.outbox.pending(100)]


def relay(uow: InMemoryUnitOfWork, publisher: FakeMessagePublisher) -> None:
    sut = RelayOutboxUseCase(uow=uow, publisher=publisher, batch_size=2)
    with contextlib.suppress(DependencyUnavailableError):
        sut.execute()


def test_should_publish_every_pending_message_oldest_first() -> None:
    publisher = FakeMessagePublisher()
    sut = RelayOutboxUseCase(uow=outbox_holding(MESSAGES), publisher=publisher)

    sut.execute()

    assert publisher.published == MESSAGES


def test_should_publish_in_batches_until_the_outbox_is_empty() -> None:
    publisher = FakeMessagePublisher()
    sut = RelayOutboxUseCase(uow=outbox_holding(MESSAGES), publisher=publisher, batch_size=2)

    sut.execute()

    assert publisher.batches == [MESSAGES[0:2], MESSAGES[2:4], MESSAGES[4:5]]


def test_should_return_how_many_messages_it_published() -> None:
    sut = RelayOutboxUseCase(
        uow=outbox_holding(MESSAGES), publisher=FakeMessagePublisher(), batch_size=2
    )

    published = sut.execute()

    assert published == 5


def test_should_mark_published_messages_so_that_none_is_pending_afterwards() -> None:
    uow = outbox_holding(MESSAGES)
    sut = RelayOutboxUseCase(uow=uow, publisher=FakeMessagePublisher(), batch_size=2)

    sut.execute()

    assert pending(uow) == []


def test_should_publish_a_message_once_when_the_relay_runs_again() -> None:
    uow = outbox_holding(MESSAGES)
    publisher = FakeMessagePublisher()
    sut = RelayOutboxUseCase(uow=uow, publisher=publisher)
    sut.execute()

    sut.execute()

    assert publisher.published == MESSAGES


def test_should_return_zero_when_nothing_is_pending() -> None:
    publisher = FakeMessagePublisher()
    sut = RelayOutboxUseCase(uow=InMemoryUnitOfWork(), publisher=publisher)

    published = sut.execute()

    assert published == 0


def test_should_publish_nothing_when_nothing_is_pending() -> None:
    publisher = FakeMessagePublisher()
    sut = RelayOutboxUseCase(uow=InMemoryUnitOfWork(), publisher=publisher)

    sut.execute()

    assert publisher.batches == []


def test_should_let_an_unavailable_publisher_propagate() -> None:
    sut = RelayOutboxUseCase(
        uow=outbox_holding(MESSAGES), publisher=FakeMessagePublisher(available_batches=0)
    )

    with pytest.raises(DependencyUnavailableError, match="^pub/sub unreachable$"):
        sut.execute()


def test_should_mark_nothing_published_when_the_publisher_is_unavailable() -> None:
    uow = outbox_holding(MESSAGES)

    relay(uow, FakeMessagePublisher(available_batches=0))

    assert pending(uow) == MESSAGES


def test_should_keep_the_batches_published_before_the_publisher_became_unavailable() -> None:
    uow = outbox_holding(MESSAGES)

    relay(uow, FakeMessagePublisher(available_batches=1))

    assert pending(uow) == MESSAGES[2:]


def test_should_publish_what_is_left_once_the_publisher_is_available_again() -> None:
    uow = outbox_holding(MESSAGES)
    relay(uow, FakeMessagePublisher(available_batches=1))
    publisher = FakeMessagePublisher()
    sut = RelayOutboxUseCase(uow=uow, publisher=publisher, batch_size=2)

    sut.execute()

    assert publisher.published == MESSAGES[2:]


def written_to(
    uow: InMemoryUnitOfWork, messages: Sequence[OutboundMessage]
) -> list[PendingMessage]:
    with uow:
        written = uow.outbox.add(messages)
        uow.commit()
    return written


def test_should_publish_the_messages_handed_over() -> None:
    publisher = FakeMessagePublisher()
    uow = InMemoryUnitOfWork()
    sut = RelayOutboxUseCase(uow=uow, publisher=publisher)

    sut.hand_over(written_to(uow, MESSAGES))

    assert publisher.published == MESSAGES


def test_should_mark_the_messages_handed_over_published() -> None:
    uow = InMemoryUnitOfWork()
    sut = RelayOutboxUseCase(uow=uow, publisher=FakeMessagePublisher())

    sut.hand_over(written_to(uow, MESSAGES))

    assert pending(uow) == []


def test_should_log_a_deferred_hand_over_when_the_publisher_is_unavailable(
    caplog: pytest.LogCaptureFixture,
) -> None:
    uow = InMemoryUnitOfWork()
    sut = RelayOutboxUseCase(uow=uow, publisher=FakeMessagePublisher(available_batches=0))
    written = written_to(uow, MESSAGES)

    with caplog.at_level(logging.WARNING):
        sut.hand_over(written)

    assert [record.getMessage() for record in caplog.records] == ["outbox.hand_over_deferred"]


def test_should_leave_the_messages_handed_over_pending_when_the_publisher_is_unavailable() -> None:
    uow = InMemoryUnitOfWork()
    sut = RelayOutboxUseCase(uow=uow, publisher=FakeMessagePublisher(available_batches=0))

    sut.hand_over(written_to(uow, MESSAGES))

    assert pending(uow) == MESSAGES


def test_should_leave_messages_younger_than_the_minimum_age_pending() -> None:
    publisher = FakeMessagePublisher()
    sut = RelayOutboxUseCase(uow=outbox_holding(MESSAGES), publisher=publisher)

    sut.execute(min_age_seconds=3600)

    assert publisher.published == []


REFUSED = frozenset({b'{"n":2}'})


def test_should_publish_the_others_of_a_batch_holding_a_message_pub_sub_refuses() -> None:
    publisher = FakeMessagePublisher(refused=REFUSED)
    sut = RelayOutboxUseCase(uow=outbox_holding(MESSAGES), publisher=publisher, batch_size=5)

    sut.execute()

    assert publisher.published == [MESSAGES[0], *MESSAGES[2:]]


def test_should_pass_over_a_message_pub_sub_refuses_for_good() -> None:
    uow = outbox_holding(MESSAGES)
    sut = RelayOutboxUseCase(uow=uow, publisher=FakeMessagePublisher(refused=REFUSED))

    sut.execute()

    assert pending(uow) == []


def test_should_log_the_message_pub_sub_refused(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR, logger="application.use_cases.relay_outbox")
    sut = RelayOutboxUseCase(
        uow=outbox_holding(MESSAGES), publisher=FakeMessagePublisher(refused=REFUSED)
    )

    sut.execute()

    assert [(record.getMessage(), record.__dict__["topic"]) for record in caplog.records] == [
        ("outbox.message_refused", "audit-events")
    ]
