import logging
from collections.abc import Callable
from functools import partial

from google.api_core.exceptions import AlreadyExists
from google.cloud import pubsub_v1

from adapters.messaging.pubsub_call_policy import pubsub_outage
from adapters.messaging.topology_apply_result import TopologyApplyResult
from adapters.messaging.topology_names import TopologyNames
from shared.resilience.dependency_policy import DependencyPolicy

_LOGGER = logging.getLogger(__name__)

_Step = tuple[str, Callable[[], object]]


class PubSubTopology:
    def __init__(
        self,
        *,
        project_id: str,
        policy: DependencyPolicy,
        names: TopologyNames = TopologyNames(),
        ack_deadline_seconds: int = 60,
        minimum_backoff_seconds: int = 10,
        maximum_backoff_seconds: int = 600,
        max_delivery_attempts: int = 5,
        timeout_seconds: float = 10.0,
    ) -> None:
        self._project_id = project_id
        self._policy = policy
        self._names = names
        self._ack_deadline_seconds = ack_deadline_seconds
        self._backoff_seconds = (minimum_backoff_seconds, maximum_backoff_seconds)
        self._max_delivery_attempts = max_delivery_attempts
        self._timeout_seconds = timeout_seconds
        self._publisher = pubsub_v1.PublisherClient()
        self._subscriber = pubsub_v1.SubscriberClient()

    def apply(self) -> TopologyApplyResult:
        created: list[str] = []
        found: list[str] = []
        for resource, create in self._steps():
            (created if self._ensure(resource, create) else found).append(resource)
        result = TopologyApplyResult(created=tuple(created), found=tuple(found))
        _LOGGER.info("pubsub topology applied: created %s, found %s", result.created, result.found)
        return result

    def close(self) -> None:
        self._publisher.stop()
        self._subscriber.close()

    def _steps(self) -> list[_Step]:
        names = self._names
        return [
            *(self._topic_step(topic) for topic in names.topics()),
            self._subscription_step(
                names.import_requests_subscription,
                names.import_requests_topic,
                self._worker_policies(),
            ),
            self._subscription_step(names.dead_letter_subscription, names.dead_letter_topic, {}),
        ]

    def _topic_step(self, topic: str) -> _Step:
        path = self._topic_path(topic)
        return path, lambda: self._publisher.create_topic(request={"name": path}, **self._limits())

    def _subscription_step(
        self, subscription: str, topic: str, policies: dict[str, object]
    ) -> _Step:
        path = self._subscriber.subscription_path(self._project_id, subscription)
        request = {"name": path, "topic": self._topic_path(topic), **policies}
        return path, lambda: self._subscriber.create_subscription(request=request, **self._limits())

    def _worker_policies(self) -> dict[str, object]:
        minimum, maximum = self._backoff_seconds
        return {
            "ack_deadline_seconds": self._ack_deadline_seconds,
            "retry_policy": {
                "minimum_backoff": {"seconds": minimum},
                "maximum_backoff": {"seconds": maximum},
            },
            "dead_letter_policy": {
                "dead_letter_topic": self._topic_path(self._names.dead_letter_topic),
                "max_delivery_attempts": self._max_delivery_attempts,
            },
        }

    def _topic_path(self, topic: str) -> str:
        return str(self._publisher.topic_path(self._project_id, topic))

    def _limits(self) -> dict[str, object]:
        return {"retry": None, "timeout": self._timeout_seconds}

    def _ensure(self, resource: str, create: Callable[[], object]) -> bool:
        return self._policy.call(partial(_created, resource, create))


def _created(resource: str, create: Callable[[], object]) -> bool:
    with pubsub_outage(f"create {resource}"):
        try:
            create()
        except AlreadyExists:
            return False
    return True
