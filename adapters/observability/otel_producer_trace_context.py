from collections.abc import Mapping

from opentelemetry.semconv._incubating.attributes import messaging_attributes as messaging
from opentelemetry.trace import SpanKind, Tracer, set_span_in_context

from adapters.observability.otel_trace_context import OtelTraceContext

PUBSUB = "gcp_pubsub"


class OtelProducerTraceContext(OtelTraceContext):
    """Each message gets a producer span `{destination} create`, child of the context it answers;
    the span's own context travels in the message's traceparent, for its subscribers to continue."""

    def __init__(self, tracer: Tracer) -> None:
        super().__init__()
        self._tracer = tracer

    def produced(self, parent: Mapping[str, str], destination: str) -> Mapping[str, str]:
        span = self._tracer.start_span(
            f"{destination} create",
            context=self._propagator.extract(parent),
            kind=SpanKind.PRODUCER,
            attributes={
                messaging.MESSAGING_SYSTEM: PUBSUB,
                messaging.MESSAGING_DESTINATION_NAME: destination,
                messaging.MESSAGING_OPERATION_TYPE: "create",
                messaging.MESSAGING_OPERATION_NAME: "create",
            },
        )
        span.end()
        carrier: dict[str, str] = {}
        self._propagator.inject(carrier, context=set_span_in_context(span))
        return carrier
