import abc
from collections.abc import Mapping


class TraceContext(abc.ABC):
    @abc.abstractmethod
    def current(self) -> Mapping[str, str]:
        """The W3C trace context (traceparent, tracestate) of the current span, as attributes."""
