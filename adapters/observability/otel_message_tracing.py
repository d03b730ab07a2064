from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from opentelemetry.context import Context
from opentelemetry.semconv._incubating.attributes import messaging_attributes as messaging
from opentelemetry.trace import SpanKind, TracerProvider, get_current_span
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from adapters.messaging.inbound_message import InboundMessage
from adapters.observability.otel_consumer_span import OtelConsumerSpan
from adapters.observability.otel_tracing import INSTRUMENTATION_NAME

PUBSUB = "gcp_pubsub"
GOOGLE_CLIENT_PREFIX = "googclient_"


class OtelMessageTracing:
    """The consumer span `{topic} process` of each message, child of the upstream context in its
    traceparent attribute or, failing that, in googclient_traceparent (google-cloud-pubsub's)."""

    def __init__(self, provider: TracerProvider, *, topic: str, subscription: str) -> None:
        self._tracer = provider.get_tracer(INSTRUMENTATION_NAME)
        self._propagator = TraceContextTextMapPropagator()
        self._name = f"{topic} process"
        self._attributes = {
            messaging.MESSAGING_SYSTEM: PUBSUB,
            messaging.MESSAGING_DESTINATION_NAME: topic,
            messaging.MESSAGING_DESTINATION_SUBSCRIPTION_NAME: subscription,
            messaging.MESSAGING_OPERATION_TYPE: "process",
            messaging.MESSAGING_OPERATION_NAME: "process",
        }

    @contextmanager
    def span(self, message: InboundMessage) -> Iterator[OtelConsumerSpan]:
        parent = self._parent(message.attributes)
        with self._tracer.start_as_current_span(
            self._name, context=parent, kind=SpanKind.CONSUMER, attributes=self._attributes
        ) as span:
            if span.is_recording():
                span.set_attributes(_message_attributes(message))
            yield OtelConsumerSpan(span)

    def _parent(self, attributes: Mapping[str, str]) -> Context:
        context = self._propagator.extract(attributes)
        if get_current_span(context).get_span_context().is_valid:
            return context
        return self._propagator.extract(_google_client_context(attributes))


def _google_client_context(attributes: Mapping[str, str]) -> dict[str, str]:
    return {
        name.removeprefix(GOOGLE_CLIENT_PREFIX): value
        for name, value in attributes.items()
        if name.startswith(GOOGLE_CLIENT_PREFIX)
    }


def _message_attributes(message: InboundMessage) -> dict[str, str | int]:
    attributes: dict[str, str | int] = {
        messaging.MESSAGING_MESSAGE_ID: message.message_id,
        messaging.MESSAGING_MESSAGE_BODY_SIZE: len(message.data),
    }
    if message.delivery_attempt is not None:
        attributes[messaging.MESSAGING_GCP_PUBSUB_MESSAGE_DELIVERY_ATTEMPT] = (
            message.delivery_attempt
        )
    return attributes
