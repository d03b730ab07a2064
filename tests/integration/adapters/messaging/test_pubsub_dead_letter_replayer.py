from opentelemetry.trace import NoOpTracer
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

import pytest

from adapters.messaging.pubsub_dead_letter_replayer import PubSubDeadLetterReplayer
from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from adapters.system.system_clock import SystemClock
from application.errors import DependencyUnavailableError
from application.ports.clock import Clock
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage
from tests.fakes.fixed_clock import FixedClock
from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.support.policies import quick_policy

pytestmark = pytest.mark.integration

DEAD_LETTER_ATTRIBUTES = {
    "correlation_id": "c-1",
    "dead_letter_reason": "invalid_message",
    "dead_letter_error": "not JSON",
    "CloudPubSubDeadLetterSourceDeliveryCount": "5",
    "CloudPubSubDeadLetterSourceSubscription": "import-requests-worker",
}


class InspectSubscriptionDeletingPublisher(MessagePublisher):
    def __init__(self, publisher: MessagePublisher, reader: SubscriptionReader) -> None:
        self._publisher = publisher
        self._reader = reader

    def publish(self, messages: Sequence[OutboundMessage]) -> None:
        self._publisher.publish(messages)
        self._reader.delete("import-requests-dead-letter-inspect")


def _replayer(
    project_id: str, publisher: MessagePublisher, clock: Clock = SystemClock()
) -> PubSubDeadLetterReplayer:
    return PubSubDeadLetterReplayer(
        policy=quick_policy(),
        project_id=project_id,
        publisher=publisher,
        clock=clock,
        batch_size=2,
        pull_timeout_seconds=0.5,
    )


@pytest.fixture
def dead_lettered(message_publisher: PubSubMessagePublisher) -> list[OutboundMessage]:
    messages = [
        OutboundMessage(
            topic="import-requests-dead-letter",
            data=f"{n}".encode(),
            attributes=DEAD_LETTER_ATTRIBUTES,
        )
        for n in range(3)
    ]
    message_publisher.publish(messages)
    return messages


@pytest.fixture
def sut(
    topology_project_id: str, message_publisher: PubSubMessagePublisher
) -> Iterator[PubSubDeadLetterReplayer]:
    replayer = _replayer(topology_project_id, message_publisher)
    yield replayer
    replayer.close()


def test_should_move_messages_back_without_dead_letter_attributes(
    sut: PubSubDeadLetterReplayer,
    dead_lettered: list[OutboundMessage],
    subscription_reader: SubscriptionReader,
) -> None:
    sut.replay()

    received = subscription_reader.read("import-requests-worker", count=3)
    assert sorted((item.data, dict(item.attributes)) for item in received) == [
        (b"0", {"correlation_id": "c-1"}),
        (b"1", {"correlation_id": "c-1"}),
        (b"2", {"correlation_id": "c-1"}),
    ]


def test_should_count_every_replayed_message(
    sut: PubSubDeadLetterReplayer, dead_lettered: list[OutboundMessage]
) -> None:
    replayed = sut.replay()

    assert replayed == 3


def test_should_stop_at_the_limit(
    sut: PubSubDeadLetterReplayer, dead_lettered: list[OutboundMessage]
) -> None:
    replayed = sut.replay(limit=2)

    assert replayed == 2


def test_should_empty_the_inspect_subscription(
    sut: PubSubDeadLetterReplayer,
    dead_lettered: list[OutboundMessage],
    subscription_reader: SubscriptionReader,
) -> None:
    sut.replay()

    remaining = subscription_reader.read("import-requests-dead-letter-inspect", timeout_seconds=1.0)
    assert remaining == []


def test_should_leave_messages_dead_lettered_after_the_replay_began(
    topology_project_id: str,
    message_publisher: PubSubMessagePublisher,
    dead_lettered: list[OutboundMessage],
    subscription_reader: SubscriptionReader,
) -> None:
    sut = _replayer(
        topology_project_id, message_publisher, FixedClock(datetime(2000, 1, 1, tzinfo=UTC))
    )

    sut.replay()

    remaining = subscription_reader.read("import-requests-dead-letter-inspect", count=3)
    assert len(remaining) == 3


def test_should_raise_dependency_unavailable_when_the_ack_fails(
    topology_project_id: str,
    message_publisher: PubSubMessagePublisher,
    dead_lettered: list[OutboundMessage],
    subscription_reader: SubscriptionReader,
) -> None:
    publisher = InspectSubscriptionDeletingPublisher(message_publisher, subscription_reader)
    sut = _replayer(topology_project_id, publisher)

    with pytest.raises(DependencyUnavailableError):
        sut.replay()


@pytest.mark.timeout(10)
def test_should_raise_dependency_unavailable_when_emulator_is_unreachable(
    pubsub_project_id: str, closed_port_host: str
) -> None:
    publisher = PubSubMessagePublisher(
        policy=quick_policy(),
        tracer=NoOpTracer(),
        project_id=pubsub_project_id,
        timeout_seconds=0.5,
    )
    sut = _replayer(pubsub_project_id, publisher)

    with pytest.raises(DependencyUnavailableError):
        sut.replay()
