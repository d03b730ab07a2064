from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from adapters.observability.otel_tracing import exported_tracer_provider

RESOURCE = Resource.create({"service.name": "import-worker"})


def test_should_hand_finished_spans_to_the_exporter() -> None:
    exporter = InMemorySpanExporter()
    sut = exported_tracer_provider(resource=RESOURCE, exporter=exporter)

    with sut.get_tracer("test").start_as_current_span("import-requests process"):
        pass
    sut.shutdown()

    assert [span.name for span in exporter.get_finished_spans()] == ["import-requests process"]


def test_should_describe_the_service_on_every_span() -> None:
    exporter = InMemorySpanExporter()
    sut = exported_tracer_provider(resource=RESOURCE, exporter=exporter)

    with sut.get_tracer("test").start_as_current_span("import-requests process"):
        pass
    sut.shutdown()

    assert exporter.get_finished_spans()[0].resource.attributes["service.name"] == "import-worker"
