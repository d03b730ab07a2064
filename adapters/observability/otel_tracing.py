from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from opentelemetry.sdk.trace import TracerProvider as SdkTracerProvider
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased
from opentelemetry.trace import SpanKind, TracerProvider
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

INSTRUMENTATION_NAME = "import-worker"


class OtelTracing:
    def __init__(self, provider: TracerProvider) -> None:
        self._tracer = provider.get_tracer(INSTRUMENTATION_NAME)
        self._propagator = TraceContextTextMapPropagator()

    @contextmanager
    def span(self, name: str, carrier: Mapping[str, str]) -> Iterator[None]:
        parent = self._propagator.extract(carrier=carrier)
        with self._tracer.start_as_current_span(name, context=parent, kind=SpanKind.CONSUMER):
            yield


def unexported_tracer_provider() -> TracerProvider:
    """Spans are exported nowhere, so a root span is not sampled; a sampled parent still is."""
    return SdkTracerProvider(sampler=ParentBased(root=ALWAYS_OFF))
