import contextlib

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from adapters.observability.otel_tracing import OtelTracing, unexported_tracer_provider

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
PARENT_SPAN_ID = "b7ad6b7169203331"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"


def only_span(exporter: InMemorySpanExporter) -> ReadableSpan:
    [span] = exporter.get_finished_spans()
    return span


def parent_span_id(span: ReadableSpan) -> str | None:
    return None if span.parent is None else trace.format_span_id(span.parent.span_id)


def test_should_continue_the_trace_of_the_message(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelTracing(tracer_provider)

    with sut.span("import-request process", {"traceparent": TRACEPARENT}):
        pass

    assert trace.format_trace_id(only_span(span_exporter).context.trace_id) == TRACE_ID


def test_should_make_the_publisher_span_the_parent(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelTracing(tracer_provider)

    with sut.span("import-request process", {"traceparent": TRACEPARENT}):
        pass

    assert parent_span_id(only_span(span_exporter)) == PARENT_SPAN_ID


@pytest.mark.parametrize(
    "carrier",
    [{}, {"traceparent": "00-not-a-trace-01"}, {"traceparent": f"00-{'0' * 32}-{'0' * 16}-01"}],
    ids=["absent", "malformed", "all-zero-ids"],
)
def test_should_start_a_new_trace_without_a_valid_parent(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter, carrier: dict[str, str]
) -> None:
    sut = OtelTracing(tracer_provider)

    with sut.span("import-request process", carrier):
        pass

    assert only_span(span_exporter).parent is None


def test_should_start_a_new_trace_rather_than_join_the_surrounding_span(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelTracing(tracer_provider)

    with tracer_provider.get_tracer("test").start_as_current_span("surrounding"):
        with sut.span("import-request process", {}):
            pass

    assert span_exporter.get_finished_spans()[0].parent is None


def test_should_open_a_consumer_span(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelTracing(tracer_provider)

    with sut.span("import-request process", {}):
        pass

    assert only_span(span_exporter).kind is trace.SpanKind.CONSUMER


def test_should_name_the_span_as_asked(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelTracing(tracer_provider)

    with sut.span("import-request process", {}):
        pass

    assert only_span(span_exporter).name == "import-request process"


def test_should_make_its_span_current_inside_the_block(tracer_provider: TracerProvider) -> None:
    sut = OtelTracing(tracer_provider)

    with sut.span("import-request process", {"traceparent": TRACEPARENT}):
        current = trace.get_current_span().get_span_context()

    assert trace.format_trace_id(current.trace_id) == TRACE_ID


def test_should_mark_the_span_as_failed_when_the_block_raises(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    sut = OtelTracing(tracer_provider)

    with contextlib.suppress(RuntimeError):
        with sut.span("import-request process", {}):
            raise RuntimeError("boom")

    assert only_span(span_exporter).status.status_code is trace.StatusCode.ERROR


def current_span_context(sut: OtelTracing, carrier: dict[str, str]) -> trace.SpanContext:
    with sut.span("import-request process", carrier):
        return trace.get_current_span().get_span_context()


def test_should_not_sample_a_root_span_of_an_unexported_provider() -> None:
    sut = OtelTracing(unexported_tracer_provider())

    context = current_span_context(sut, {})

    assert context.trace_flags.sampled is False


def test_should_still_give_a_root_span_of_an_unexported_provider_a_trace_id() -> None:
    sut = OtelTracing(unexported_tracer_provider())

    context = current_span_context(sut, {})

    assert context.is_valid


def test_should_sample_the_child_of_a_sampled_parent_with_an_unexported_provider() -> None:
    sut = OtelTracing(unexported_tracer_provider())

    context = current_span_context(sut, {"traceparent": TRACEPARENT})

    assert context.trace_flags.sampled is True
