import logging
import threading
from collections.abc import Callable, Iterator

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import PendingMessage
from application.use_cases.relay_outbox import RelayOutboxUseCase
from tests.unit.worker.consumer.relayer_doubles import WatchedMessagePublisher
from worker.consumer.outbox_relayer import OutboxRelayer

PENDING = OutboundMessage(topic="import-results", data=b"{}")
TIMEOUT_SECONDS = 5.0
LONG_INTERVAL = 60.0
SHORT_INTERVAL = 0.01

RelayerFactory = Callable[..., OutboxRelayer]


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

    def make(
        interval_seconds: float,
        *,
        sweep_min_age_seconds: float = 0.0,
        relay: RelayOutboxUseCase | None = None,
    ) -> OutboxRelayer:
        made.append(
            OutboxRelayer(
                relay or RelayOutboxUseCase(uow=uow, publisher=publisher),
                interval_seconds=interval_seconds,
                sweep_min_age_seconds=sweep_min_age_seconds,
            )
        )
        return made[-1]

    yield make
    for relayer in made:
        relayer.stop()


def add_pending(uow: InMemoryUnitOfWork) -> list[PendingMessage]:
    with uow:
        written = uow.outbox.add([PENDING])
        uow.commit()
    return written


class CrashingRelay(RelayOutboxUseCase):
    def __init__(self, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher) -> None:
        super().__init__(uow=uow, publisher=publisher)
        self.calls = 0

    def execute(self, *, min_age_seconds: float = 0.0) -> int:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("unexpected")
        return super().execute(min_age_seconds=min_age_seconds)


def test_should_sweep_pending_messages_every_interval(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(SHORT_INTERVAL)

    sut.start()
    add_pending(uow)

    publisher.relayed.wait(TIMEOUT_SECONDS)
    assert publisher.published == [PENDING]


def test_should_sweep_on_its_own_thread(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(SHORT_INTERVAL)

    sut.start()
    add_pending(uow)

    publisher.relayed.wait(TIMEOUT_SECONDS)
    assert [thread.name for thread in publisher.threads] == ["outbox-relayer"]


def test_should_leave_messages_younger_than_the_minimum_age_to_a_later_sweep(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    add_pending(uow)

    sut.relay_now(min_age_seconds=LONG_INTERVAL)

    assert publisher.published == []


def test_should_relay_everything_pending_on_the_stopping_thread_once_its_own_thread_ended(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL, sweep_min_age_seconds=LONG_INTERVAL)
    sut.start()
    add_pending(uow)

    sut.stop()

    assert publisher.threads == [threading.current_thread()]


def test_should_end_its_thread_when_stopped(make_relayer: RelayerFactory) -> None:
    sut = make_relayer(LONG_INTERVAL)
    sut.start()

    sut.stop()

    assert "outbox-relayer" not in [thread.name for thread in threading.enumerate()]


def test_should_relay_pending_messages_when_stopped_without_having_started(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(LONG_INTERVAL)
    add_pending(uow)

    sut.stop()

    assert publisher.published == [PENDING]


@pytest.mark.parametrize("failures", [1], ids=["first-sweep-failed"])
def test_should_log_a_failed_sweep_with_its_error_code(
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


@pytest.mark.parametrize("failures", [1], ids=["first-sweep-failed"])
def test_should_keep_sweeping_after_a_failed_sweep(
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


def test_should_log_an_unexpected_sweep_error_with_its_traceback(
    make_relayer: RelayerFactory,
    uow: InMemoryUnitOfWork,
    publisher: WatchedMessagePublisher,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR, logger="worker.consumer.outbox_relayer")
    sut = make_relayer(SHORT_INTERVAL, relay=CrashingRelay(uow, publisher))
    add_pending(uow)

    sut.start()
    publisher.relayed.wait(TIMEOUT_SECONDS)
    sut.stop()

    assert [(record.getMessage(), record.exc_info is not None) for record in caplog.records] == [
        ("outbox.relay_crashed", True)
    ]


def test_should_keep_sweeping_after_an_unexpected_sweep_error(
    make_relayer: RelayerFactory, uow: InMemoryUnitOfWork, publisher: WatchedMessagePublisher
) -> None:
    sut = make_relayer(SHORT_INTERVAL, relay=CrashingRelay(uow, publisher))
    add_pending(uow)

    sut.start()
    publisher.relayed.wait(TIMEOUT_SECONDS)
    sut.stop()

    assert publisher.published == [PENDING]


def test_should_report_after_each_sweep(uow: InMemoryUnitOfWork) -> None:
    swept = threading.Event()
    sut = OutboxRelayer(
        RelayOutboxUseCase(uow=uow, publisher=WatchedMessagePublisher(failures=0)),
        interval_seconds=SHORT_INTERVAL,
        report=swept.set,
    )

    sut.start()
    reported = swept.wait(TIMEOUT_SECONDS)
    sut.stop()

    assert reported is True
