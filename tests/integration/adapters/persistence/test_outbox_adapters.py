import threading
import time
from collections.abc import Callable
from itertools import pairwise
from contextlib import suppress

import pytest

from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import PendingMessage
from application.ports.unit_of_work import UnitOfWork
from tests.integration.adapters.persistence.concurrency import run_in_threads
from tests.integration.adapters.persistence.conftest import UnitOfWorkOpener
from tests.integration.adapters.persistence.persistence_samples import a_message, a_record

pytestmark = pytest.mark.integration

SHORT_AGE_SECONDS = 0.2
LONGER_THAN_SHORT_AGE_SECONDS = 0.3


def add_messages(uow: UnitOfWork, *messages: OutboundMessage) -> list[PendingMessage]:
    with uow:
        added = uow.outbox.add(messages)
        uow.commit()
    return added


def pending_messages(
    uow: UnitOfWork, limit: int = 100, *, min_age_seconds: float = 0.0
) -> list[OutboundMessage]:
    with uow:
        pending = uow.outbox.pending(limit, min_age_seconds=min_age_seconds)
    return [entry.message for entry in pending]


def positions_of(added: list[PendingMessage]) -> list[int]:
    return [entry.position for entry in added]


def publish_pending(uow: UnitOfWork, limit: int) -> None:
    with uow:
        pending = uow.outbox.pending(limit)
        uow.outbox.mark_published([entry.position for entry in pending])
        uow.commit()


def test_should_return_committed_messages_oldest_first(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1), a_message(2))
    add_messages(uow, a_message(3))

    pending = pending_messages(uow)

    assert pending == [a_message(1), a_message(2), a_message(3)]


@pytest.mark.parametrize(
    "message",
    [
        OutboundMessage(topic="audit", data=bytes(range(256)), attributes={}),
        OutboundMessage(
            topic="import-events",
            data='{"text":"Zürich ✓ \\u0000"}'.encode(),
            attributes={"traceparent": "00-abc-def-01", "note": 'tab\there "q" é 😀'},
        ),
        OutboundMessage(topic="import-events", data=b"", attributes={"empty": ""}),
    ],
    ids=["every byte value", "unicode and escapes", "empty data and value"],
)
def test_should_return_a_pending_message_unchanged(
    uow: UnitOfWork, message: OutboundMessage
) -> None:
    add_messages(uow, message)

    pending = pending_messages(uow)

    assert pending == [message]


def test_should_return_the_added_messages_unchanged_in_their_order(uow: UnitOfWork) -> None:
    messages = [a_message(2), a_message(1), a_message(3)]

    added = add_messages(uow, *messages)

    assert [entry.message for entry in added] == messages


def test_should_return_on_add_the_positions_that_pending_returns_after_commit(
    uow: UnitOfWork,
) -> None:
    added = add_messages(uow, a_message(1), a_message(2), a_message(3))

    with uow:
        pending = uow.outbox.pending(10)

    assert pending == added


def test_should_return_strictly_increasing_positions_within_and_across_batches(
    uow: UnitOfWork,
) -> None:
    first = add_messages(uow, a_message(1), a_message(2), a_message(3))
    second = add_messages(uow, a_message(4), a_message(5))

    positions = positions_of(first + second)

    assert [later > earlier for earlier, later in pairwise(positions)] == [True] * 4


def test_should_return_nothing_when_adding_nothing(uow: UnitOfWork) -> None:
    added = add_messages(uow)

    assert added == []


def test_should_leave_nothing_pending_once_the_added_positions_are_marked_published(
    uow: UnitOfWork,
) -> None:
    added = add_messages(uow, a_message(1), a_message(2))
    with uow:
        uow.outbox.mark_published(positions_of(added))
        uow.commit()

    pending = pending_messages(uow)

    assert pending == []


def test_should_hold_back_a_message_younger_than_the_minimum_age(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1))

    pending = pending_messages(uow, min_age_seconds=60)

    assert pending == []


def test_should_return_a_message_just_added_when_the_minimum_age_is_zero(
    uow: UnitOfWork,
) -> None:
    add_messages(uow, a_message(1))

    pending = pending_messages(uow, min_age_seconds=0)

    assert pending == [a_message(1)]


def test_should_return_a_message_once_it_is_older_than_the_minimum_age(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1))
    time.sleep(LONGER_THAN_SHORT_AGE_SECONDS)

    pending = pending_messages(uow, min_age_seconds=SHORT_AGE_SECONDS)

    assert pending == [a_message(1)]


def test_should_age_a_message_from_its_add_rather_than_from_the_start_of_its_unit(
    uow: UnitOfWork,
) -> None:
    with uow:
        uow.records.count("customers")
        time.sleep(LONGER_THAN_SHORT_AGE_SECONDS)
        uow.outbox.add([a_message(1)])
        uow.commit()

    pending = pending_messages(uow, min_age_seconds=SHORT_AGE_SECONDS)

    assert pending == []


def test_should_give_each_pending_message_its_own_increasing_position(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1), a_message(2), a_message(3))

    with uow:
        positions = [entry.position for entry in uow.outbox.pending(10)]

    assert [later > earlier for earlier, later in pairwise(positions)] == [True] * 2


def test_should_return_no_more_pending_messages_than_the_limit(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1), a_message(2), a_message(3))

    pending = pending_messages(uow, limit=2)

    assert pending == [a_message(1), a_message(2)]


def test_should_return_nothing_when_nothing_is_pending(uow: UnitOfWork) -> None:
    pending = pending_messages(uow)

    assert pending == []


def test_should_keep_no_message_added_without_commit(uow: UnitOfWork) -> None:
    with uow:
        uow.outbox.add([a_message(1)])

    pending = pending_messages(uow)

    assert pending == []


def test_should_keep_no_message_when_the_records_of_its_unit_fail(uow: UnitOfWork) -> None:
    with suppress(RuntimeError), uow:
        uow.records.upsert_all([a_record("1")])
        uow.outbox.add([a_message(1)])
        raise RuntimeError("the import failed before commit")

    pending = pending_messages(uow)

    assert pending == []


def test_should_accept_an_empty_batch_of_messages(uow: UnitOfWork) -> None:
    add_messages(uow)

    pending = pending_messages(uow)

    assert pending == []


def test_should_no_longer_return_published_messages(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1), a_message(2), a_message(3))
    publish_pending(uow, limit=2)

    pending = pending_messages(uow)

    assert pending == [a_message(3)]


def test_should_return_messages_again_when_publishing_was_not_committed(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1), a_message(2))
    with uow:
        pending = uow.outbox.pending(10)
        uow.outbox.mark_published([entry.position for entry in pending])

    again = pending_messages(uow)

    assert again == [a_message(1), a_message(2)]


def test_should_accept_marking_nothing_as_published(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1))
    with uow:
        uow.outbox.mark_published([])
        uow.commit()

    pending = pending_messages(uow)

    assert pending == [a_message(1)]


def test_should_commit_the_records_written_beside_messages(uow: UnitOfWork) -> None:
    with uow:
        uow.records.upsert_all([a_record("1")])
        uow.outbox.add([a_message(1)])
        uow.commit()

    with uow:
        found = (uow.records.count("customers"), [e.message for e in uow.outbox.pending(10)])

    assert found[0] == 1


def test_should_commit_the_messages_written_beside_records(uow: UnitOfWork) -> None:
    with uow:
        uow.records.upsert_all([a_record("1")])
        uow.outbox.add([a_message(1)])
        uow.commit()

    with uow:
        found = (uow.records.count("customers"), [e.message for e in uow.outbox.pending(10)])

    assert found[1] == [a_message(1)]


def test_should_hide_messages_another_relay_holds_until_its_transaction_ends(
    open_skipping_unit_of_work: UnitOfWorkOpener,
) -> None:
    first, second = open_skipping_unit_of_work(), open_skipping_unit_of_work()
    add_messages(first, a_message(1), a_message(2), a_message(3))

    with first:
        first.outbox.pending(2)
        seen_by_second = pending_messages(second)

    assert seen_by_second == [a_message(3)]


def test_should_offer_messages_a_relay_held_again_once_it_rolled_back(
    open_skipping_unit_of_work: UnitOfWorkOpener,
) -> None:
    first, second = open_skipping_unit_of_work(), open_skipping_unit_of_work()
    add_messages(first, a_message(1), a_message(2))
    with first:
        first.outbox.pending(2)

    seen_by_second = pending_messages(second)

    assert seen_by_second == [a_message(1), a_message(2)]


def relay_until_empty(
    uow: UnitOfWork, start: threading.Barrier, published: list[OutboundMessage]
) -> Callable[[], None]:
    def run() -> None:
        start.wait()
        while publish_some(uow, published):
            pass

    return run


def publish_some(uow: UnitOfWork, published: list[OutboundMessage]) -> int:
    with uow:
        pending = uow.outbox.pending(3)
        published.extend(entry.message for entry in pending)
        uow.outbox.mark_published([entry.position for entry in pending])
        uow.commit()
    return len(pending)


def test_should_publish_each_message_once_when_relays_run_in_parallel(
    open_unit_of_work: UnitOfWorkOpener,
) -> None:
    relays = [open_unit_of_work() for _ in range(4)]
    messages = [a_message(number) for number in range(40)]
    add_messages(relays[0], *messages)
    published: list[OutboundMessage] = []
    start = threading.Barrier(len(relays), timeout=30)

    run_in_threads(*(relay_until_empty(uow, start, published) for uow in relays))

    assert sorted(published, key=topic_of) == sorted(messages, key=topic_of)


def topic_of(message: OutboundMessage) -> str:
    return message.topic
