from adapters.system.pubsub_subscription_probe import PubSubSubscriptionProbe
from domain.health.health_status import HealthStatus
from tests.unit.adapters.system.probe_doubles import FakeSubscription


def test_should_be_up_when_the_subscription_answers() -> None:
    sut = PubSubSubscriptionProbe(FakeSubscription(reachable=True))

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_be_down_when_the_subscription_cannot_be_read() -> None:
    sut = PubSubSubscriptionProbe(FakeSubscription(reachable=False))

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_report_as_pubsub() -> None:
    sut = PubSubSubscriptionProbe(FakeSubscription())

    name = sut.name

    assert name == "pubsub"


def test_should_be_a_required_dependency() -> None:
    sut = PubSubSubscriptionProbe(FakeSubscription())

    optional = sut.optional

    assert optional is False
