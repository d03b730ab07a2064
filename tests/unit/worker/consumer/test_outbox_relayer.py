import logging
import threading
from collections.abc import Callable, Iterator

import pytest

from adapters.persistence.in_memory_unit_of_work import InMemoryUnitOfWork
from application.ports.outbound_message import OutboundMessage
from application.use_cases.relay_outbox import RelayOutboxUseCase
from tests.unit.worker.consumer.relayer_doubles import WatchedMessagePublisher
from worker.consumer.outbox_relayer import OutboxRelayer

PENDING = OutboundMessage(topic="import-results", data=b"{}")
TIMEOUT_SECONDS = 5.0
LONG_INTERVAL = 60.0
SHORT_INTERVAL = 0.01

RelayerFactory = Callable[[float], OutboxRelayer]


@pytest.fixture
def failures() -> int:
    return 0


@pytest.fixture
def uow() -> InMemoryUnitOfWork:
    return InMemoryUnitOfWork()


@pytest.fixture
def publisher(failures: int) -> WatchedMessagePublisher:
    return WatchedMessagePublisher(failures=failures)


@pytest.fixture
def make_relayer(
    uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> Iterator[RelayerFactory]:
    made: list[OutboxRelayer] = []

    def make(interval_seconds: float) -> OutboxRelayer:
        made.append(
            OutboxRelayer(
                RelayOutboxUseCase(uow=uow, publisher=publisher), interval_seconds=interval_seconds
            )
        )
        return made[-1]

    yield make
    for relayer in made:
        relayer.stop()


def add_pending(uow: InMemoryUnitOfWork) -> None:
    with uow:
        uow.outbox.add([PENDING])
        uow.commit()


def test_should_relay_pending_messages_promptly_when_kicked(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    sut.start()
    add_pending(uow)

    sut.kick()

    publisher.relayed.wait(TIMEOUT_SECONDS)
    assert publisher.published == [PENDING]


def test_should_relay_pending_messages_every_interval_without_a_kick(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(SHORT_INTERVAL)

    sut.start()
    add_pending(uow)

    publisher.relayed.wait(TIMEOUT_SECONDS)
    assert publisher.published == [PENDING]


def test_should_relay_pending_messages_when_stopped(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    sut.start()
    add_pending(uow)

    sut.stop()

    assert publisher.published == [PENDING]


@pytest.mark.parametrize("failures", [1], ids=["last-relay-of-the-thread-failed"])
def test_should_relay_once_more_on_the_stopping_thread_after_its_own_thread_ended(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    sut.start()
    add_pending(uow)

    sut.stop()

    assert [thread.name for thread in publisher.threads] == [
        "outbox-relayer",
        threading.current_thread().name,
    ]


def test_should_end_its_thread_when_stopped(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    sut.start()
    add_pending(uow)
    sut.kick()
    publisher.relayed.wait(TIMEOUT_SECONDS)

    sut.stop()

    assert not publisher.threads[0].is_alive()


def test_should_relay_pending_messages_when_stopped_without_having_started(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    add_pending(uow)

    sut.stop()

    assert publisher.published == [PENDING]


def test_should_relay_pending_messages_on_the_calling_thread_when_asked_to_relay_now(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    add_pending(uow)

    sut.relay_now()

    assert publisher.threads == [threading.current_thread()]


@pytest.mark.parametrize("failures", [1], ids=["first-relay-failed"])
def test_should_log_a_failed_relay_with_its_error_code(
    make_relayer: RelayerFactory,
    uow: InMemoryUnitOfWork,
    publisher: WatchedMessagePublisher,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="worker.consumer.outbox_relayer")
    sut = make_relayer(SHORT_INTERVAL)
    add_pending(uow)

    sut.start()

    publisher.relayed.wait(TIMEOUT_SECONDS)
    assert [(record.getMessage(), record.__dict__["error_code"]) for record in caplog.records] == [
        ("outbox.relay_failed", "dependency_unavailable")
    ]


@pytest.mark.parametrize("failures", [1], ids=["first-relay-failed"])
def test_should_keep_relaying_after_a_failed_relay(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(SHORT_INTERVAL)
    add_pending(uow)

    sut.start()

    publisher.relayed.wait(TIMEOUT_SECONDS)
    assert publisher.published == [PENDING]


@pytest.mark.parametrize("failures", [1], ids=["relay-failed"])
def test_should_swallow_a_failed_relay_when_asked_to_relay_now(
    make_relayer: RelayerFactory,
    uow: InMemoryUnitOfWork,
    publisher: WatchedMessagePublisher,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="worker.consumer.outbox_relayer")
    sut = make_relayer(LONG_INTERVAL)
    add_pending(uow)

    sut.relay_now()

    assert [record.getMessage() for record in caplog.records] == ["outbox.relay_failed"]


class CrashingRelay(RelayOutboxUseCase):
    def __init__(self, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher) -> None:
        super().__init__(uow=uow, publisher=publisher)
        self.calls = 0

    def execute(self) -> int:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("unexpected")
        return super().execute()


def test_should_log_an_unexpected_relay_error_with_its_traceback(
    uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="worker.consumer.outbox_relayer")
    sut = OutboxRelayer(CrashingRelay(uow, publisher), interval_seconds=SHORT_INTERVAL)
    add_pending(uow)

    sut.start()
    publisher.relayed.wait(TIMEOUT_SECONDS)
    sut.stop()

    assert [(record.getMessage(), record.exc_info is not None) for record in caplog.records] == [
        ("outbox.relay_crashed", True)
    ]


def test_should_keep_relaying_after_an_unexpected_relay_error(
    uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = OutboxRelayer(CrashingRelay(uow, publisher), interval_seconds=SHORT_INTERVAL)
    add_pending(uow)

    sut.start()
    publisher.relayed.wait(TIMEOUT_SECONDS)
    sut.stop()

    assert publisher.published == [PENDING]
