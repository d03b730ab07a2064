from collections.abc import Mapping

from application.ports.trace_context import TraceContext

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


class FakeTraceContext(TraceContext):
    def __init__(self, traceparent: str = TRACEPARENT) -> None:
        self._traceparent = traceparent

    def current(self) -> Mapping[str, str]:
        return {"traceparent": self._traceparent}

    def produced(self, parent: Mapping[str, str], destination: str) -> Mapping[str, str]:
        return parent
