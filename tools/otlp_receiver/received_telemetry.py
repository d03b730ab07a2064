import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from opentelemetry.proto.collector.metrics.v1.metrics_service_pb2 import (
    ExportMetricsServiceRequest,
)
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue
from opentelemetry.proto.metrics.v1.metrics_pb2 import Metric
from opentelemetry.proto.trace.v1.trace_pb2 import Span

POLL_SECONDS = 0.05


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceivedSpan:
    service_name: str
    span: Span

    @property
    def name(self) -> str:
        return self.span.name

    @property
    def trace_id(self) -> str:
        return self.span.trace_id.hex()

    @property
    def span_id(self) -> str:
        return self.span.span_id.hex()

    @property
    def parent_span_id(self) -> str:
        return self.span.parent_span_id.hex()

    def attribute(self, key: str) -> object:
        return attribute_values(self.span.attributes).get(key)


class ReceivedTelemetry:
    """What an OTLP receiver was sent: spans and metric points, in arrival order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spans: list[ReceivedSpan] = []
        self._metrics: list[Metric] = []

    def add_spans(self, request: ExportTraceServiceRequest) -> None:
        received = [
            ReceivedSpan(service_name=str(_service_name(resource.resource.attributes)), span=span)
            for resource in request.resource_spans
            for scope in resource.scope_spans
            for span in scope.spans
        ]
        with self._lock:
            self._spans += received

    def add_metrics(self, request: ExportMetricsServiceRequest) -> None:
        received = [
            metric
            for resource in request.resource_metrics
            for scope in resource.scope_metrics
            for metric in scope.metrics
        ]
        with self._lock:
            self._metrics += received

    def spans(self) -> list[ReceivedSpan]:
        with self._lock:
            return list(self._spans)

    def metrics(self) -> list[Metric]:
        with self._lock:
            return list(self._metrics)

    def wait_for(self, condition: Callable[["ReceivedTelemetry"], bool], seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not condition(self):
            if time.monotonic() > deadline:
                return False
            time.sleep(POLL_SECONDS)
        return True


def attribute_values(attributes: Iterable[KeyValue]) -> dict[str, object]:
    return {item.key: _value(item.value) for item in attributes}


def _value(value: AnyValue) -> object:
    kind = value.WhichOneof("value")
    return None if kind is None else getattr(value, kind)


def _service_name(attributes: Iterable[KeyValue]) -> object:
    return attribute_values(attributes).get("service.name")
