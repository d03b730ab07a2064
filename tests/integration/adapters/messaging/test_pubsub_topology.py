import pytest

from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.messaging.topology_apply_result import TopologyApplyResult
from adapters.messaging.topology_names import TopologyNames
from application.errors import DependencyUnavailableError
from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.support.policies import quick_policy

pytestmark = pytest.mark.integration


def _apply(project_id: str, names: TopologyNames = TopologyNames()) -> TopologyApplyResult:
    sut = PubSubTopology(
        policy=quick_policy(), project_id=project_id, names=names, timeout_seconds=5.0
    )
    result = sut.apply()
    sut.close()
    return result


def _worker_settings(reader: SubscriptionReader, subscription: str) -> dict[str, object]:
    described = reader.describe(subscription)
    return {
        "topic": described.topic.rsplit("/", 1)[-1],
        "ack_deadline_seconds": described.ack_deadline_seconds,
        "minimum_backoff_seconds": described.retry_policy.minimum_backoff.total_seconds(),
        "maximum_backoff_seconds": described.retry_policy.maximum_backoff.total_seconds(),
        "dead_letter_topic": described.dead_letter_policy.dead_letter_topic.rsplit("/", 1)[-1],
        "max_delivery_attempts": described.dead_letter_policy.max_delivery_attempts,
    }


def _contract_policies(topic: str, dead_letter_topic: str) -> dict[str, object]:
    return {
        "topic": topic,
        "ack_deadline_seconds": 60,
        "minimum_backoff_seconds": 10.0,
        "maximum_backoff_seconds": 600.0,
        "dead_letter_topic": dead_letter_topic,
        "max_delivery_attempts": 5,
    }


def test_should_create_worker_subscription_with_contract_policies(
    pubsub_project_id: str, subscription_reader: SubscriptionReader
) -> None:
    _apply(pubsub_project_id)

    settings = _worker_settings(subscription_reader, "import-requests-worker")

    assert settings == _contract_policies("import-requests", "import-requests-dead-letter")


def test_should_create_inspect_subscription_on_dead_letter_topic(
    pubsub_project_id: str, subscription_reader: SubscriptionReader
) -> None:
    _apply(pubsub_project_id)

    described = subscription_reader.describe("import-requests-dead-letter-inspect")

    assert described.topic.endswith("/topics/import-requests-dead-letter")


def test_should_report_every_resource_as_created_on_first_apply(pubsub_project_id: str) -> None:
    prefix = f"projects/{pubsub_project_id}"

    result = _apply(pubsub_project_id)

    assert result == TopologyApplyResult(
        created=(
            f"{prefix}/topics/import-requests",
            f"{prefix}/topics/import-results",
            f"{prefix}/topics/audit-events",
            f"{prefix}/topics/import-requests-dead-letter",
            f"{prefix}/subscriptions/import-requests-worker",
            f"{prefix}/subscriptions/import-requests-dead-letter-inspect",
        ),
        found=(),
    )


def test_should_find_every_resource_when_applied_twice(pubsub_project_id: str) -> None:
    first = _apply(pubsub_project_id)

    second = _apply(pubsub_project_id)

    assert second == TopologyApplyResult(created=(), found=first.created)


def test_should_use_configured_names(
    pubsub_project_id: str, subscription_reader: SubscriptionReader
) -> None:
    names = TopologyNames(
        import_requests_topic="custom-requests",
        import_requests_subscription="custom-worker",
        dead_letter_topic="custom-dead-letter",
    )
    _apply(pubsub_project_id, names)

    settings = _worker_settings(subscription_reader, "custom-worker")

    assert settings == _contract_policies("custom-requests", "custom-dead-letter")


@pytest.mark.timeout(10)
def test_should_raise_dependency_unavailable_when_emulator_is_unreachable(
    pubsub_project_id: str, closed_port_host: str
) -> None:
    sut = PubSubTopology(policy=quick_policy(), project_id=pubsub_project_id, timeout_seconds=0.5)

    with pytest.raises(DependencyUnavailableError):
        sut.apply()
