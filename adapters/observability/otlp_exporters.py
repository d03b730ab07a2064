from opentelemetry.sdk.metrics.export import MetricExporter
from opentelemetry.sdk.trace.export import SpanExporter

GRPC = "grpc"


def otlp_span_exporter(protocol: str) -> SpanExporter:
    """The SDK's OTLP span exporter for protocol (grpc or http/protobuf); it reads its endpoint,
    headers, timeout, compression and certificates from the OTEL_EXPORTER_OTLP_* variables."""
    if protocol == GRPC:
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

        return OTLPSpanExporter()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
        OTLPSpanExporter as OTLPHttpSpanExporter,
    )

    return OTLPHttpSpanExporter()


def otlp_metric_exporter(protocol: str) -> MetricExporter:
    """The SDK's OTLP metric exporter for protocol, configured by its own variables likewise."""
    if protocol == GRPC:
        from opentelemetry.exporter.otlp.proto.grpc.metric_exporter import OTLPMetricExporter

        return OTLPMetricExporter()
    from opentelemetry.exporter.otlp.proto.http.metric_exporter import (
        OTLPMetricExporter as OTLPHttpMetricExporter,
    )

    return OTLPHttpMetricExporter()
