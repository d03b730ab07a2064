import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.persistence.sqlite.unit_of_work import SqliteUnitOfWork
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import PendingMessage

MESSAGE = OutboundMessage(topic="import-events", data=b"{}", attributes={"a": "b"})


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "records.db"


@pytest.fixture
def sut(database: Path) -> Iterator[SqliteUnitOfWork]:
    unit_of_work = SqliteUnitOfWork(database)
    yield unit_of_work
    unit_of_work.close()


def test_should_make_a_second_relay_wait_for_the_first_and_then_find_nothing(
    sut: SqliteUnitOfWork, database: Path
) -> None:
    other = SqliteUnitOfWork(database)
    seen_by_other: list[PendingMessage] = []
    with sut:
        sut.outbox.add([MESSAGE])
        sut.commit()

    def relay_concurrently() -> None:
        with other:
            seen_by_other.extend(other.outbox.pending(10))

    with sut:
        pending = sut.outbox.pending(10)
        competitor = threading.Thread(target=relay_concurrently)
        competitor.start()
        competitor.join(timeout=0.5)
        sut.outbox.mark_published([entry.position for entry in pending])
        sut.commit()
    competitor.join(timeout=10)
    other.close()

    assert seen_by_other == []
