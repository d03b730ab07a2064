import time

import pytest

from application.ports.outbox import OutboxBacklog
from application.ports.unit_of_work import UnitOfWork
from tests.integration.adapters.persistence.persistence_samples import a_message
from tests.integration.adapters.persistence.test_outbox_adapters import (
    add_messages,
    publish_pending,
)

pytestmark = pytest.mark.integration

WAITED_SECONDS = 0.3


def backlog_of(uow: UnitOfWork) -> OutboxBacklog:
    with uow:
        return uow.outbox.backlog()


def test_should_report_an_empty_backlog_for_an_empty_outbox(uow: UnitOfWork) -> None:
    backlog = backlog_of(uow)

    assert backlog == OutboxBacklog(pending=0, oldest_age_seconds=0.0)


def test_should_count_every_committed_message_not_yet_published(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1), a_message(2))
    add_messages(uow, a_message(3))

    backlog = backlog_of(uow)

    assert backlog.pending == 3


def test_should_not_count_published_messages(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1), a_message(2), a_message(3))
    publish_pending(uow, 2)

    backlog = backlog_of(uow)

    assert backlog.pending == 1


def test_should_not_count_a_message_added_without_commit(uow: UnitOfWork) -> None:
    with uow:
        uow.outbox.add([a_message(1)])

    backlog = backlog_of(uow)

    assert backlog.pending == 0


def test_should_age_the_backlog_by_its_oldest_message(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1))
    time.sleep(WAITED_SECONDS)
    add_messages(uow, a_message(2))

    backlog = backlog_of(uow)

    assert backlog.oldest_age_seconds >= WAITED_SECONDS


def test_should_age_the_backlog_by_the_oldest_message_still_waiting(uow: UnitOfWork) -> None:
    add_messages(uow, a_message(1))
    time.sleep(WAITED_SECONDS)
    add_messages(uow, a_message(2))
    publish_pending(uow, 1)

    backlog = backlog_of(uow)

    assert backlog.oldest_age_seconds < WAITED_SECONDS
