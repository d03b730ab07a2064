from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.messaging.topology_names import TopologyNames
from tests.support.policies import quick_policy

SUBSCRIPTION_VARIABLE = "IMPORT_REQUESTS_SUBSCRIPTION"


def create_standby_subscription(project_id: str, subscription: str) -> dict[str, str]:
    topology = PubSubTopology(
        policy=quick_policy(),
        project_id=project_id,
        names=TopologyNames(import_requests_subscription=subscription),
    )
    topology.apply()
    topology.close()
    return {SUBSCRIPTION_VARIABLE: subscription}
