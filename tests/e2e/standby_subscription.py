from google.cloud import pubsub_v1

from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.messaging.topology_names import TopologyNames
from tests.support.policies import quick_policy

SUBSCRIPTION_VARIABLE = "IMPORT_REQUESTS_SUBSCRIPTION"
PLAIN_ACK_DEADLINE_SECONDS = 10
CREATE_SECONDS = 10.0


def create_standby_subscription(project_id: str, subscription: str) -> dict[str, str]:
    topology = PubSubTopology(
        policy=quick_policy(),
        project_id=project_id,
        names=TopologyNames(import_requests_subscription=subscription),
    )
    topology.apply()
    topology.close()
    return {SUBSCRIPTION_VARIABLE: subscription}


def create_plain_subscription(project_id: str, subscription: str) -> dict[str, str]:
    """A subscription on import-requests without retry or dead-letter policy: the emulator then
    redelivers what a cancelled or killed stream held, as Pub/Sub does with any policy."""
    client = pubsub_v1.SubscriberClient()
    try:
        client.create_subscription(
            request={
                "name": client.subscription_path(project_id, subscription),
                "topic": client.topic_path(project_id, TopologyNames().import_requests_topic),
                "ack_deadline_seconds": PLAIN_ACK_DEADLINE_SECONDS,
            },
            timeout=CREATE_SECONDS,
        )
    finally:
        client.close()
    return {SUBSCRIPTION_VARIABLE: subscription}
