from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from opentelemetry.semconv._incubating.attributes import messaging_attributes as messaging
from opentelemetry.trace import Span, SpanKind, Tracer, get_current_span
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from application.ports.outbound_message import OutboundMessage

PUBSUB = "gcp_pubsub"
Sent = Callable[[Sequence[str]], None]


@contextmanager
def pubsub_send_span(
    tracer: Tracer, topic: str, messages: Sequence[OutboundMessage]
) -> Iterator[Sent]:
    """A client span `{topic} send` around one Publish call, linked to the creation context each
    message carries (its producer span), as the messaging conventions ask of batch publishing."""
    attributes = {
        messaging.MESSAGING_SYSTEM: PUBSUB,
        messaging.MESSAGING_DESTINATION_NAME: topic,
        messaging.MESSAGING_OPERATION_TYPE: "send",
        messaging.MESSAGING_OPERATION_NAME: "send",
    }
    with tracer.start_as_current_span(
        f"{topic} send", kind=SpanKind.CLIENT, attributes=attributes
    ) as span:
        if span.is_recording():
            _describe(span, messages)
        yield lambda message_ids: _identify(span, message_ids)


def _describe(span: Span, messages: Sequence[OutboundMessage]) -> None:
    span.set_attribute(messaging.MESSAGING_BATCH_MESSAGE_COUNT, len(messages))
    propagator = TraceContextTextMapPropagator()
    for message in messages:
        context = get_current_span(propagator.extract(message.attributes)).get_span_context()
        if context.is_valid:
            span.add_link(context)


def _identify(span: Span, message_ids: Sequence[str]) -> None:
    if len(message_ids) == 1 and span.is_recording():
        span.set_attribute(messaging.MESSAGING_MESSAGE_ID, message_ids[0])
