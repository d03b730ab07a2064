from collections.abc import Mapping

from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from application.ports.trace_context import TraceContext


class OtelTraceContext(TraceContext):
    """Messages carry the context they were made in: without an exporter no producer span is
    started, since nobody would see it."""

    def __init__(self) -> None:
        self._propagator = TraceContextTextMapPropagator()

    def current(self) -> Mapping[str, str]:
        carrier: dict[str, str] = {}
        self._propagator.inject(carrier)
        return carrier

    def produced(self, parent: Mapping[str, str], destination: str) -> Mapping[str, str]:
        return parent
