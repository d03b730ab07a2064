import time
from collections.abc import Iterator

import pytest

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from adapters.messaging.pubsub_subscriber import PubSubSubscriber
from adapters.messaging.subscription_flow import SubscriptionFlow
from tests.support.policies import quick_policy
from application.errors import DependencyUnavailableError
from application.ports.outbound_message import OutboundMessage
from tests.integration.adapters.messaging.recording_handler import RecordingHandler

pytestmark = pytest.mark.integration

REDELIVERY_DELAY_SECONDS = 3


@pytest.fixture
def sut(topology_project_id: str) -> Iterator[PubSubSubscriber]:
    subscriber = PubSubSubscriber(
        project_id=topology_project_id,
        subscription="import-requests-worker",
        flow=SubscriptionFlow(),
        policy=quick_policy(),
    )
    yield subscriber
    subscriber.stop(grace_seconds=5.0)
    subscriber.close()


@pytest.fixture
def delaying_sut(topology_project_id: str) -> Iterator[PubSubSubscriber]:
    subscriber = PubSubSubscriber(
        project_id=topology_project_id,
        subscription="import-requests-worker",
        flow=SubscriptionFlow(redelivery_delay_seconds=REDELIVERY_DELAY_SECONDS),
        policy=quick_policy(),
    )
    yield subscriber
    subscriber.stop(grace_seconds=5.0)
    subscriber.close()


@pytest.fixture
def detached_sut(pubsub_project_id: str) -> Iterator[PubSubSubscriber]:
    subscriber = PubSubSubscriber(
        project_id=pubsub_project_id,
        subscription="no-such-subscription",
        flow=SubscriptionFlow(),
        policy=quick_policy(),
    )
    yield subscriber
    subscriber.close()


@pytest.fixture
def published(message_publisher: PubSubMessagePublisher) -> OutboundMessage:
    message = OutboundMessage(
        topic="import-requests", data=b'{"import_id": "a-1"}', attributes={"correlation_id": "c-1"}
    )
    message_publisher.publish([message])
    return message


def test_should_hand_the_message_to_the_handler(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.ACK)

    sut.start(handler)

    handler.wait_for_deliveries(1)
    assert [(m.data, m.attributes, m.delivery_attempt) for m in handler.deliveries] == [
        (b'{"import_id": "a-1"}', {"correlation_id": "c-1"}, 1)
    ]


def test_should_not_redeliver_an_acked_message(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.ACK)
    sut.start(handler)
    handler.wait_for_completions(1)

    time.sleep(2.0)

    assert len(handler.deliveries) == 1


def test_should_redeliver_a_nacked_message(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.NACK, AckDecision.ACK)

    sut.start(handler)

    assert handler.wait_for_deliveries(2)


def test_should_keep_a_handed_back_message_away_for_the_redelivery_delay(
    delaying_sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.NACK, AckDecision.ACK)

    delaying_sut.start(handler)
    handler.wait_for_deliveries(1)

    assert not handler.wait_for_deliveries(2, timeout_seconds=REDELIVERY_DELAY_SECONDS / 2)


def test_should_redeliver_a_handed_back_message_after_the_redelivery_delay(
    delaying_sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.NACK, AckDecision.ACK)

    delaying_sut.start(handler)

    assert handler.wait_for_deliveries(2, timeout_seconds=30.0)


def test_should_redeliver_a_message_whose_handler_raised(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(RuntimeError("handler bug"), AckDecision.ACK)

    sut.start(handler)

    assert handler.wait_for_deliveries(2)


def test_should_let_an_in_flight_callback_finish_when_stopping(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.ACK, hold_seconds=1.0)
    sut.start(handler)
    handler.wait_for_deliveries(1)

    sut.stop(grace_seconds=5.0)

    assert handler.completed == 1


def test_should_report_an_unfinished_drain_when_grace_elapses(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.ACK, hold_seconds=1.0)
    sut.start(handler)
    handler.wait_for_deliveries(1)

    drained = sut.stop(grace_seconds=0.1)

    assert drained is False


def test_should_count_a_running_callback_as_in_flight(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.ACK, hold_seconds=1.0)
    sut.start(handler)

    handler.wait_for_deliveries(1)

    assert sut.in_flight() == 1


def test_should_record_activity_when_a_message_arrives(
    sut: PubSubSubscriber, published: OutboundMessage
) -> None:
    handler = RecordingHandler(AckDecision.ACK)
    sut.start(handler)
    started = sut.last_activity()

    handler.wait_for_completions(1)

    assert sut.last_activity() > started


def test_should_be_alive_while_pulling(sut: PubSubSubscriber) -> None:
    sut.start(RecordingHandler(AckDecision.ACK))

    alive = sut.is_alive()

    assert alive is True


def test_should_not_be_alive_after_stop(sut: PubSubSubscriber) -> None:
    sut.start(RecordingHandler(AckDecision.ACK))

    sut.stop(grace_seconds=5.0)

    assert sut.is_alive() is False


def test_should_not_be_alive_before_start(sut: PubSubSubscriber) -> None:
    alive = sut.is_alive()

    assert alive is False


def test_should_stop_at_once_when_never_started(sut: PubSubSubscriber) -> None:
    drained = sut.stop(grace_seconds=0.0)

    assert drained is True


def test_should_stop_cleanly_after_the_stream_failed(detached_sut: PubSubSubscriber) -> None:
    sut = detached_sut
    sut.start(RecordingHandler(AckDecision.ACK))
    deadline = time.monotonic() + 10.0
    while sut.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)

    drained = sut.stop(grace_seconds=5.0)

    assert drained is True


def test_should_measure_probe_latency(sut: PubSubSubscriber) -> None:
    latency_ms = sut.probe()

    assert latency_ms >= 0.0


def test_should_raise_dependency_unavailable_when_probing_a_missing_subscription(
    detached_sut: PubSubSubscriber,
) -> None:
    with pytest.raises(DependencyUnavailableError):
        detached_sut.probe()
