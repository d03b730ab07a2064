import abc
from collections.abc import Mapping


class TraceContext(abc.ABC):
    @abc.abstractmethod
    def current(self) -> Mapping[str, str]:
        """The W3C trace context (traceparent, tracestate) of the current span, as attributes."""

    @abc.abstractmethod
    def produced(self, parent: Mapping[str, str], destination: str) -> Mapping[str, str]:
        """The W3C trace context a message to destination carries, made in the context parent."""
