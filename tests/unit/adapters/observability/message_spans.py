from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from opentelemetry.trace import TracerProvider

from adapters.messaging.inbound_message import InboundMessage
from adapters.observability.otel_consumer_span import OtelConsumerSpan
from adapters.observability.otel_message_tracing import OtelMessageTracing

TOPIC = "import-requests"
SUBSCRIPTION = "import-requests-worker"


def message_with(
    attributes: Mapping[str, str], *, delivery_attempt: int | None = 2
) -> InboundMessage:
    return InboundMessage(
        message_id="m-1",
        data=b'{"import_id": "imp-1"}',
        attributes=attributes,
        delivery_attempt=delivery_attempt,
        publish_time=datetime(2024, 5, 1, tzinfo=UTC),
    )


def message_tracing(provider: TracerProvider) -> OtelMessageTracing:
    return OtelMessageTracing(provider, topic=TOPIC, subscription=SUBSCRIPTION)


def consumer_span(
    provider: TracerProvider, attributes: Mapping[str, str]
) -> AbstractContextManager[OtelConsumerSpan]:
    return message_tracing(provider).span(message_with(attributes))
