from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial

from google.api_core.exceptions import InvalidArgument
from google.cloud import pubsub_v1
from google.pubsub_v1.services.publisher.client import PublisherClient as PublisherApi
from google.pubsub_v1.types import PublishRequest, PubsubMessage
from opentelemetry.trace import Tracer

from adapters.messaging.pubsub_call_policy import pubsub_outage
from adapters.messaging.pubsub_send_span import pubsub_send_span
from application.errors import MessageRefusedError
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage
from shared.resilience.dependency_policy import DependencyPolicy

MAX_REQUEST_MESSAGES = 1000
MAX_REQUEST_BYTES = 8 * 1024 * 1024
PublishRequestProto = PublishRequest.pb()
PubsubMessageProto = PubsubMessage.pb()


class PubSubMessagePublisher(MessagePublisher):
    """Publishes what it is given at once, one Publish call per topic and full request, under
    the publish policy: an outage is retried, then opens its circuit; a message Pub/Sub refuses
    (too large, malformed) is refused for good. Each call is a span `{topic} send` linked to the
    context every message carries."""

    def __init__(
        self,
        *,
        project_id: str,
        policy: DependencyPolicy,
        tracer: Tracer,
        timeout_seconds: float = 10.0,
    ) -> None:
        self._project_id = project_id
        self._policy = policy
        self._tracer = tracer
        self._timeout_seconds = timeout_seconds
        self._client = pubsub_v1.PublisherClient()

    def publish(self, messages: Sequence[OutboundMessage]) -> None:
        for topic, same_topic in _by_topic(messages).items():
            for request in _requests(same_topic):
                self._policy.call(partial(self._send, topic, request))

    def probe(self, topic: str) -> None:
        """Whether Pub/Sub answers for a topic, under the publish policy: a trial of its circuit."""
        self._policy.call(partial(self._find, topic))

    def close(self) -> None:
        self._client.stop()

    def _send(self, topic: str, messages: Sequence[OutboundMessage]) -> None:
        request = PublishRequestProto(
            topic=self._client.topic_path(self._project_id, topic),
            messages=[
                PubsubMessageProto(data=message.data, attributes=message.attributes)
                for message in messages
            ],
        )
        with pubsub_outage("publish"), refused_messages():
            with pubsub_send_span(self._tracer, topic, messages) as sent:
                response = PublisherApi.publish(
                    self._client,
                    request=PublishRequest.wrap(request),
                    retry=None,
                    timeout=self._timeout_seconds,
                )
                sent(response.message_ids)

    def _find(self, topic: str) -> None:
        with pubsub_outage(f"find the topic {topic}"):
            self._client.get_topic(
                request={"topic": self._client.topic_path(self._project_id, topic)},
                retry=None,
                timeout=self._timeout_seconds,
            )


@contextmanager
def refused_messages() -> Iterator[None]:
    try:
        yield
    except InvalidArgument as error:
        raise MessageRefusedError(f"Pub/Sub refused the messages: {error.message}") from error


def _by_topic(messages: Sequence[OutboundMessage]) -> dict[str, list[OutboundMessage]]:
    by_topic: dict[str, list[OutboundMessage]] = defaultdict(list)
    for message in messages:
        by_topic[message.topic].append(message)
    return by_topic


def _requests(messages: list[OutboundMessage]) -> Iterator[list[OutboundMessage]]:
    request: list[OutboundMessage] = []
    size = 0
    for message in messages:
        if request and _full(len(request), size + len(message.data)):
            yield request
            request, size = [], 0
        request.append(message)
        size += len(message.data)
    yield request


def _full(messages: int, size: int) -> bool:
    return messages == MAX_REQUEST_MESSAGES or size > MAX_REQUEST_BYTES
