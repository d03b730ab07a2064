from functools import cached_property

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import Tracer

from adapters.observability.otel_message_tracing import OtelMessageTracing
from adapters.observability.otel_metric_pipeline import MetricPipeline, metric_pipeline
from adapters.observability.otel_producer_trace_context import OtelProducerTraceContext
from adapters.observability.otel_resource import service_resource
from adapters.observability.otel_trace_context import OtelTraceContext
from adapters.observability.otel_tracing import (
    INSTRUMENTATION_NAME,
    exported_tracer_provider,
    unexported_tracer_provider,
)
from adapters.observability.otel_worker_metrics import OtelWorkerMetrics
from adapters.observability.otlp_exporters import otlp_metric_exporter, otlp_span_exporter
from adapters.observability.parent_only_tracer import ParentOnlyTracer
from adapters.persistence.unit_of_work_factory import database_span_attributes
from application.ports.trace_context import TraceContext
from shared.configuration import Settings
from worker.composition.overrides import Overrides


class TelemetryComponents:
    """Traces and metrics. With OTEL_EXPORTER_OTLP_ENDPOINT set both are exported over OTLP, every
    other OTEL_* variable read by the SDK itself; without it no span is exported, so a message's
    steps open no span of their own, and the metrics are only served on /metrics."""

    def __init__(self, settings: Settings, overrides: Overrides | None = None) -> None:
        self._settings = settings
        self._overrides: Overrides = overrides or {}
        self._exporting = settings.otel_exporter_otlp_endpoint is not None

    @cached_property
    def resource(self) -> Resource:
        return service_resource()

    @cached_property
    def tracer_provider(self) -> TracerProvider:
        if not self._exporting:
            return unexported_tracer_provider()
        settings = self._settings
        protocol = (
            settings.otel_exporter_otlp_traces_protocol or settings.otel_exporter_otlp_protocol
        )
        return exported_tracer_provider(
            resource=self.resource, exporter=otlp_span_exporter(protocol)
        )

    @cached_property
    def tracer(self) -> Tracer:
        """The tracer of an import's steps: spans only when they are exported."""
        given = self._overrides.get("tracer")
        if given is not None:
            return given
        if not self._exporting:
            return ParentOnlyTracer()
        return self.tracer_provider.get_tracer(INSTRUMENTATION_NAME)

    @cached_property
    def trace_context(self) -> TraceContext:
        given = self._overrides.get("trace")
        if given is not None:
            return given
        if not self._exporting:
            return OtelTraceContext()
        return OtelProducerTraceContext(self.tracer)

    @cached_property
    def message_tracing(self) -> OtelMessageTracing:
        return OtelMessageTracing(
            self.tracer_provider,
            topic=self._settings.import_requests_topic,
            subscription=self._settings.import_requests_subscription,
        )

    @cached_property
    def store_attributes(self) -> dict[str, str]:
        """The database conventions' attributes of the spans that write to the store."""
        return database_span_attributes(self._settings.database_url.get_secret_value())

    @cached_property
    def metric_pipeline(self) -> MetricPipeline:
        settings = self._settings
        protocol = (
            settings.otel_exporter_otlp_metrics_protocol or settings.otel_exporter_otlp_protocol
        )
        exporter = otlp_metric_exporter(protocol) if self._exporting else None
        return metric_pipeline(resource=self.resource, exporter=exporter)

    @cached_property
    def metrics(self) -> OtelWorkerMetrics:
        return OtelWorkerMetrics(self.metric_pipeline)

    def close(self) -> None:
        """Exports what is left: the last spans and metric points, before the process ends."""
        if "metric_pipeline" in self.__dict__:
            self.metric_pipeline.close()
        if "tracer_provider" in self.__dict__:
            self.tracer_provider.shutdown()
