from opentelemetry.trace import NoOpTracer
import pytest

from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from application.errors import DependencyUnavailableError
from application.ports.outbound_message import OutboundMessage
from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.support.policies import quick_policy

pytestmark = pytest.mark.integration

THREE_MEBIBYTES = 3 * 1024 * 1024


def test_should_deliver_data_and_attributes_to_subscribers(
    message_publisher: PubSubMessagePublisher, subscription_reader: SubscriptionReader
) -> None:
    message = OutboundMessage(
        topic="import-requests", data=b'{"import_id": "a-1"}', attributes={"correlation_id": "c-1"}
    )

    message_publisher.publish([message])

    received = subscription_reader.read("import-requests-worker")
    assert [(item.data, dict(item.attributes)) for item in received] == [
        (b'{"import_id": "a-1"}', {"correlation_id": "c-1"})
    ]


def test_should_deliver_every_message_of_a_batch(
    message_publisher: PubSubMessagePublisher, subscription_reader: SubscriptionReader
) -> None:
    messages = [OutboundMessage(topic="import-requests", data=f"{n}".encode()) for n in range(5)]

    message_publisher.publish(messages)

    received = subscription_reader.read("import-requests-worker", count=5)
    assert sorted(item.data for item in received) == [b"0", b"1", b"2", b"3", b"4"]


def test_should_deliver_a_batch_larger_than_one_publish_request(
    message_publisher: PubSubMessagePublisher, subscription_reader: SubscriptionReader
) -> None:
    messages = [OutboundMessage(topic="import-requests", data=f"{n}".encode()) for n in range(1001)]

    message_publisher.publish(messages)

    received = subscription_reader.read("import-requests-worker", count=1001, timeout_seconds=20)
    assert len({item.data for item in received}) == 1001


def test_should_deliver_a_batch_heavier_than_one_publish_request(
    message_publisher: PubSubMessagePublisher, subscription_reader: SubscriptionReader
) -> None:
    messages = [
        OutboundMessage(topic="import-requests", data=bytes([n]) * THREE_MEBIBYTES)
        for n in range(3)
    ]

    message_publisher.publish(messages)

    received = [subscription_reader.read("import-requests-worker")[0] for _ in range(3)]
    assert sorted(item.data[0] for item in received) == [0, 1, 2]


def test_should_deliver_each_message_to_its_own_topic(
    message_publisher: PubSubMessagePublisher, subscription_reader: SubscriptionReader
) -> None:
    messages = [
        OutboundMessage(topic="import-requests", data=b"request-1"),
        OutboundMessage(topic="import-requests-dead-letter", data=b"dead-1"),
        OutboundMessage(topic="import-requests", data=b"request-2"),
    ]

    message_publisher.publish(messages)

    received = [
        item.data
        for subscription in ("import-requests-worker", "import-requests-dead-letter-inspect")
        for item in subscription_reader.read(
            subscription, count=2 if "worker" in subscription else 1
        )
    ]
    assert sorted(received) == [b"dead-1", b"request-1", b"request-2"]


def test_should_raise_dependency_unavailable_when_topic_is_missing(
    message_publisher: PubSubMessagePublisher,
) -> None:
    message = OutboundMessage(topic="no-such-topic", data=b"{}")

    with pytest.raises(DependencyUnavailableError):
        message_publisher.publish([message])


@pytest.mark.timeout(5)
def test_should_raise_dependency_unavailable_within_timeout_when_emulator_is_unreachable(
    pubsub_project_id: str, closed_port_host: str
) -> None:
    sut = PubSubMessagePublisher(
        policy=quick_policy(),
        tracer=NoOpTracer(),
        project_id=pubsub_project_id,
        timeout_seconds=1.0,
    )
    message = OutboundMessage(topic="import-requests", data=b"{}")

    with pytest.raises(DependencyUnavailableError):
        sut.publish([message])


def test_should_find_a_topic_that_exists(message_publisher: PubSubMessagePublisher) -> None:
    probed: list[str] = []

    message_publisher.probe("import-results")
    probed.append("import-results")

    assert probed == ["import-results"]


def test_should_report_a_missing_topic_as_an_outage_when_probing(
    message_publisher: PubSubMessagePublisher,
) -> None:
    with pytest.raises(DependencyUnavailableError, match="find the topic no-such-topic"):
        message_publisher.probe("no-such-topic")
