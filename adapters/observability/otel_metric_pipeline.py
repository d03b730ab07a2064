from dataclasses import dataclass

from opentelemetry.exporter.prometheus import PrometheusMetricReader
from opentelemetry.metrics import Meter
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import MetricExporter, MetricReader
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

INSTRUMENTATION_NAME = "import-worker"


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricPipeline:
    """One meter provider read two ways: as a Prometheus page on request, and pushed over OTLP
    at the SDK's interval when an exporter is given."""

    provider: MeterProvider
    registry: CollectorRegistry

    def meter(self) -> Meter:
        return self.provider.get_meter(INSTRUMENTATION_NAME)

    def exposition(self) -> tuple[bytes, str]:
        return generate_latest(self.registry), CONTENT_TYPE_LATEST

    def close(self) -> None:
        self.provider.shutdown()


def metric_pipeline(*, resource: Resource, exporter: MetricExporter | None) -> MetricPipeline:
    registry = CollectorRegistry(auto_describe=True)
    readers: list[MetricReader] = [
        PrometheusMetricReader(registry=registry, scope_info_enabled=False)
    ]
    if exporter is not None:
        readers.append(PeriodicExportingMetricReader(exporter))
    return MetricPipeline(
        provider=MeterProvider(metric_readers=readers, resource=resource), registry=registry
    )
