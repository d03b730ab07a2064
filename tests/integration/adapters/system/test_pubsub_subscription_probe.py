from collections.abc import Iterator

import pytest

from adapters.messaging.pubsub_subscriber import PubSubSubscriber
from adapters.messaging.subscription_flow import SubscriptionFlow
from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.system.pubsub_subscription_probe import PubSubSubscriptionProbe
from domain.health.health_status import HealthStatus
from tests.support.policies import quick_policy

pytestmark = pytest.mark.integration


@pytest.fixture
def subscriber(pubsub_project_id: str) -> Iterator[PubSubSubscriber]:
    topology = PubSubTopology(policy=quick_policy(), project_id=pubsub_project_id)
    topology.apply()
    topology.close()
    subscriber = PubSubSubscriber(
        project_id=pubsub_project_id,
        subscription="import-requests-worker",
        flow=SubscriptionFlow(),
        policy=quick_policy(),
    )
    yield subscriber
    subscriber.close()


@pytest.fixture
def detached_subscriber(pubsub_project_id: str) -> Iterator[PubSubSubscriber]:
    subscriber = PubSubSubscriber(
        project_id=pubsub_project_id,
        subscription="no-such-subscription",
        flow=SubscriptionFlow(),
        policy=quick_policy(),
    )
    yield subscriber
    subscriber.close()


def test_should_be_up_when_the_subscription_exists(subscriber: PubSubSubscriber) -> None:
    sut = PubSubSubscriptionProbe(subscriber)

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_be_down_when_the_subscription_is_missing(
    detached_subscriber: PubSubSubscriber,
) -> None:
    sut = PubSubSubscriptionProbe(detached_subscriber)

    result = sut.check()

    assert result.status is HealthStatus.DOWN
