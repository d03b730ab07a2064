import math
from functools import cached_property
from typing import TYPE_CHECKING

from adapters.messaging.pubsub_dead_letter_replayer import PubSubDeadLetterReplayer
from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from adapters.messaging.pubsub_subscriber import PubSubSubscriber
from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.messaging.subscription_flow import SubscriptionFlow
from adapters.messaging.topology_names import TopologyNames
from application.ports.message_publisher import MessagePublisher
from application.services.record_read_audit import RecordReadAudit
from application.use_cases.read_record import ReadRecordUseCase
from shared.configuration_error import ConfigurationError
from shared.resilience.dependency_policy import DependencyPolicy
from worker.composition.operator_login import operator_reader

PUBLISH = "pubsub_publish"
PULL = "pubsub_pull"
MAX_ACK_DEADLINE_SECONDS = 600

if TYPE_CHECKING:
    from worker.composition.components import Components


class MessagingComponents:
    """The Pub/Sub clients: the topology, a publisher and the subscription's puller."""

    def __init__(self, root: "Components") -> None:
        self._root = root
        self._settings = root.settings

    @cached_property
    def project_id(self) -> str:
        if not self._settings.google_cloud_project:
            raise ConfigurationError("GOOGLE_CLOUD_PROJECT must be set")
        return self._settings.google_cloud_project

    @cached_property
    def names(self) -> TopologyNames:
        settings = self._settings
        return TopologyNames(
            import_requests_topic=settings.import_requests_topic,
            import_requests_subscription=settings.import_requests_subscription,
            import_results_topic=settings.import_results_topic,
            audit_events_topic=settings.audit_events_topic,
            dead_letter_topic=settings.dead_letter_topic,
            dead_letter_subscription=settings.dead_letter_subscription,
        )

    @cached_property
    def topology(self) -> PubSubTopology:
        return PubSubTopology(
            project_id=self.project_id, policy=self.publish_policy, names=self.names
        )

    @cached_property
    def publish_policy(self) -> DependencyPolicy:
        return self._root.resilience.policy(PUBLISH)

    @cached_property
    def pull_policy(self) -> DependencyPolicy:
        return self._root.resilience.policy(PULL)

    @cached_property
    def pubsub_publisher(self) -> PubSubMessagePublisher:
        return PubSubMessagePublisher(
            project_id=self.project_id,
            policy=self.publish_policy,
            tracer=self._root.telemetry.tracer,
        )

    @cached_property
    def publisher(self) -> MessagePublisher:
        return self._root.overrides.get("publisher") or self.pubsub_publisher

    @cached_property
    def subscriber(self) -> PubSubSubscriber:
        settings = self._settings
        flow = SubscriptionFlow(
            max_messages=settings.pubsub_max_outstanding_messages,
            max_bytes=settings.pubsub_max_outstanding_bytes,
            max_lease_seconds=settings.pubsub_max_lease_seconds,
            max_lease_extension_seconds=settings.pubsub_max_lease_extension_seconds,
            callback_threads=settings.pubsub_callback_threads,
            redelivery_delay_seconds=redelivery_delay(settings.breaker_reset_seconds),
            probe_timeout_seconds=settings.health_probe_timeout_seconds,
        )
        return PubSubSubscriber(
            project_id=self.project_id,
            subscription=settings.import_requests_subscription,
            flow=flow,
            policy=self.pull_policy,
        )

    @cached_property
    def dead_letter_replayer(self) -> PubSubDeadLetterReplayer:
        return PubSubDeadLetterReplayer(
            project_id=self.project_id,
            publisher=self.publisher,
            policy=self.pull_policy,
            clock=self._root.clock,
            names=self.names,
        )

    @cached_property
    def audited_record_reads(self) -> ReadRecordUseCase:
        """`records get` by an operator, each read audited as records.read."""
        root = self._root
        audit = RecordReadAudit(
            topic=self._settings.audit_events_topic, clock=root.clock, ids=root.ids
        )
        return ReadRecordUseCase(
            records=root.get_data, publisher=self.publisher, audit=audit, reader=operator_reader()
        )


def redelivery_delay(breaker_reset_seconds: float) -> int:
    """A message handed back for an outage comes again when the circuit next tries a call."""
    return min(MAX_ACK_DEADLINE_SECONDS, math.ceil(breaker_reset_seconds))
