import pytest

from adapters.observability.otlp_exporters import otlp_metric_exporter, otlp_span_exporter


@pytest.mark.parametrize(
    ("protocol", "module"),
    [
        ("grpc", "opentelemetry.exporter.otlp.proto.grpc.trace_exporter"),
        ("http/protobuf", "opentelemetry.exporter.otlp.proto.http.trace_exporter"),
    ],
    ids=["grpc", "http"],
)
def test_should_export_spans_with_the_sdks_exporter_of_the_protocol(
    protocol: str, module: str
) -> None:
    exporter = otlp_span_exporter(protocol)

    assert type(exporter).__module__ == module


@pytest.mark.parametrize(
    ("protocol", "module"),
    [
        ("grpc", "opentelemetry.exporter.otlp.proto.grpc.metric_exporter"),
        ("http/protobuf", "opentelemetry.exporter.otlp.proto.http.metric_exporter"),
    ],
    ids=["grpc", "http"],
)
def test_should_export_metrics_with_the_sdks_exporter_of_the_protocol(
    protocol: str, module: str
) -> None:
    exporter = otlp_metric_exporter(protocol)

    assert type(exporter).__module__ == module
