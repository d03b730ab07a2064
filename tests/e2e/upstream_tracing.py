from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter


def global_span_exporter() -> InMemorySpanExporter:
    """google-cloud-pubsub's own instrumentation traces through the global tracer provider: the
    test process sets one once (later calls add their exporter to it)."""
    exporter = InMemorySpanExporter()
    provider = trace.get_tracer_provider()
    if not isinstance(provider, TracerProvider):
        provider = TracerProvider()
        trace.set_tracer_provider(provider)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


def span_named(exporter: InMemorySpanExporter, name: str) -> ReadableSpan:
    return next(span for span in exporter.get_finished_spans() if span.name == name)


def hex_span_id(span: ReadableSpan) -> str:
    return trace.format_span_id(span.context.span_id)


def hex_trace_id(span: ReadableSpan) -> str:
    return trace.format_trace_id(span.context.trace_id)
