from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from adapters.observability.otel_producer_trace_context import OtelProducerTraceContext

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
PARENT_SPAN_ID = "b7ad6b7169203331"
PARENT = {"traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"}


def only_span(exporter: InMemorySpanExporter) -> ReadableSpan:
    [span] = exporter.get_finished_spans()
    return span


def parent_span_id(span: ReadableSpan) -> str | None:
    return None if span.parent is None else trace.format_span_id(span.parent.span_id)


def test_should_start_a_producer_span_in_the_parents_trace(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelProducerTraceContext(tracer_provider.get_tracer("test"))

    sut.produced(PARENT, "import-results")

    assert parent_span_id(only_span(span_exporter)) == PARENT_SPAN_ID


def test_should_name_the_producer_span_after_its_destination(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelProducerTraceContext(tracer_provider.get_tracer("test"))

    sut.produced(PARENT, "import-results")

    assert only_span(span_exporter).name == "import-results create"


def test_should_describe_the_message_with_the_messaging_conventions(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelProducerTraceContext(tracer_provider.get_tracer("test"))

    sut.produced(PARENT, "import-results")

    assert dict(only_span(span_exporter).attributes or {}) == {
        "messaging.system": "gcp_pubsub",
        "messaging.destination.name": "import-results",
        "messaging.operation.type": "create",
        "messaging.operation.name": "create",
    }


def test_should_open_a_producer_kind_span(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelProducerTraceContext(tracer_provider.get_tracer("test"))

    sut.produced(PARENT, "import-results")

    assert only_span(span_exporter).kind is trace.SpanKind.PRODUCER


def test_should_give_the_message_the_context_of_its_producer_span(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelProducerTraceContext(tracer_provider.get_tracer("test"))

    produced = sut.produced(PARENT, "import-results")

    assert produced["traceparent"] == (
        f"00-{TRACE_ID}-{trace.format_span_id(only_span(span_exporter).context.span_id)}-01"
    )
