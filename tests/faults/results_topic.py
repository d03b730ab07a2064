from google.cloud import pubsub_v1

from adapters.messaging.topology_names import TopologyNames
from tests.e2e.event_inbox import SubscriptionInbox

ADMIN_SECONDS = 10.0
RESULTS_TOPIC = TopologyNames().import_results_topic


class ResultsTopic:
    """The results topic, which a test deletes to make every publish of results fail, then
    creates again with a new subscription to read what the outbox delivers afterwards."""

    def __init__(self, project_id: str) -> None:
        self._publisher = pubsub_v1.PublisherClient()
        self._subscriber = pubsub_v1.SubscriberClient()
        self._project_id = project_id
        self._path = self._publisher.topic_path(project_id, RESULTS_TOPIC)

    def delete(self) -> None:
        self._publisher.delete_topic(request={"topic": self._path}, timeout=ADMIN_SECONDS)

    def recreate_with_inbox(self, subscription: str) -> SubscriptionInbox:
        self._publisher.create_topic(request={"name": self._path}, timeout=ADMIN_SECONDS)
        path = self._subscriber.subscription_path(self._project_id, subscription)
        self._subscriber.create_subscription(
            request={"name": path, "topic": self._path}, timeout=ADMIN_SECONDS
        )
        return SubscriptionInbox(self._subscriber, str(path))

    def close(self) -> None:
        self._subscriber.close()
        self._publisher.stop()
