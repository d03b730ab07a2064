from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF

from adapters.messaging.pubsub_send_span import pubsub_send_span
from application.ports.outbound_message import OutboundMessage

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
CREATED = "b7ad6b7169203331"
RESULT = OutboundMessage(
    topic="import-results",
    data=b"{}",
    attributes={"traceparent": f"00-{TRACE_ID}-{CREATED}-01"},
)
UNTRACED = OutboundMessage(topic="import-results", data=b"{}")


def sent(messages: list[OutboundMessage], message_ids: list[str]) -> ReadableSpan:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    with pubsub_send_span(provider.get_tracer("test"), "import-results", messages) as done:
        done(message_ids)
    [span] = exporter.get_finished_spans()
    return span


def test_should_name_the_span_after_the_topic() -> None:
    span = sent([RESULT], ["1"])

    assert span.name == "import-results send"


def test_should_open_a_client_span_since_each_message_has_its_creation_context() -> None:
    span = sent([RESULT], ["1"])

    assert span.kind is trace.SpanKind.CLIENT


def test_should_link_the_creation_context_of_each_message() -> None:
    span = sent([RESULT, UNTRACED], ["1", "2"])

    assert [trace.format_span_id(link.context.span_id) for link in span.links] == [CREATED]


def test_should_describe_one_published_message_with_its_id() -> None:
    span = sent([RESULT], ["17"])

    assert dict(span.attributes or {}) == {
        "messaging.system": "gcp_pubsub",
        "messaging.destination.name": "import-results",
        "messaging.operation.type": "send",
        "messaging.operation.name": "send",
        "messaging.batch.message_count": 1,
        "messaging.message.id": "17",
    }


def test_should_count_the_messages_of_a_batch_without_naming_one() -> None:
    span = sent([RESULT, UNTRACED], ["1", "2"])

    assert "messaging.message.id" not in (span.attributes or {})


def test_should_describe_nothing_on_an_unsampled_span() -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider(sampler=ALWAYS_OFF)
    provider.add_span_processor(SimpleSpanProcessor(exporter))

    with pubsub_send_span(provider.get_tracer("test"), "import-results", [RESULT]) as done:
        done(["1"])

    assert exporter.get_finished_spans() == ()
