from collections.abc import Mapping

from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from application.ports.trace_context import TraceContext


class OtelTraceContext(TraceContext):
    def __init__(self) -> None:
        self._propagator = TraceContextTextMapPropagator()

    def current(self) -> Mapping[str, str]:
        carrier: dict[str, str] = {}
        self._propagator.inject(carrier)
        return carrier
