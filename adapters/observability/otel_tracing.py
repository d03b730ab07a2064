from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider as SdkTracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased

INSTRUMENTATION_NAME = "import-worker"


def unexported_tracer_provider() -> SdkTracerProvider:
    """Spans are exported nowhere, so a root span is not sampled; a sampled parent still is."""
    return SdkTracerProvider(sampler=ParentBased(root=ALWAYS_OFF))


def exported_tracer_provider(*, resource: Resource, exporter: SpanExporter) -> SdkTracerProvider:
    """Spans batched to the exporter; sampling as OTEL_TRACES_SAMPLER says (the SDK reads it;
    unset, parent-based always on)."""
    provider = SdkTracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider
