from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

from adapters.observability.otel_producer_trace_context import OtelProducerTraceContext
from adapters.observability.otel_trace_context import OtelTraceContext
from adapters.observability.parent_only_tracer import ParentOnlyTracer
from shared.configuration import Settings
from tests.unit.adapters.observability.message_spans import message_with
from worker.composition.telemetry_components import TelemetryComponents

MEMORY = SecretStr("memory://")
UNEXPORTED = Settings(database_url=MEMORY)
EXPORTED = Settings(database_url=MEMORY, otel_exporter_otlp_endpoint="http://127.0.0.1:1")


@pytest.fixture(autouse=True)
def short_export_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_TIMEOUT", "0.05")


@pytest.fixture
def exported() -> Iterator[TelemetryComponents]:
    telemetry = TelemetryComponents(EXPORTED)
    yield telemetry
    telemetry.close()


def test_should_start_no_child_span_when_nothing_is_exported() -> None:
    sut = TelemetryComponents(UNEXPORTED)

    assert isinstance(sut.tracer, ParentOnlyTracer)


def test_should_start_no_producer_span_when_nothing_is_exported() -> None:
    sut = TelemetryComponents(UNEXPORTED)

    assert type(sut.trace_context) is OtelTraceContext


def test_should_sample_no_root_span_when_nothing_is_exported() -> None:
    sut = TelemetryComponents(UNEXPORTED)

    with sut.tracer_provider.get_tracer("test").start_as_current_span("root") as span:
        sampled = span.get_span_context().trace_flags.sampled

    assert sampled is False


def test_should_sample_every_root_span_by_default_when_exporting(
    exported: TelemetryComponents,
) -> None:
    with exported.tracer.start_as_current_span("root") as span:
        sampled = span.get_span_context().trace_flags.sampled

    assert sampled is True


def test_should_start_a_producer_span_per_message_when_exporting(
    exported: TelemetryComponents,
) -> None:
    assert isinstance(exported.trace_context, OtelProducerTraceContext)


def test_should_trace_messages_with_the_tracer_provider(exported: TelemetryComponents) -> None:
    assert isinstance(exported.tracer_provider, TracerProvider)


def test_should_serve_the_metrics_on_the_prometheus_page(exported: TelemetryComponents) -> None:
    body, _ = exported.metrics.exposition()

    assert b"import_worker_pulling 1.0" in body


def test_should_build_no_exporter_to_close_what_was_never_built() -> None:
    sut = TelemetryComponents(EXPORTED)

    sut.close()

    assert sut.__dict__.keys().isdisjoint({"tracer_provider", "metric_pipeline"})


def test_should_name_the_consumer_span_after_the_requests_topic() -> None:
    sut = TelemetryComponents(EXPORTED.model_copy(update={"import_requests_topic": "orders"}))

    with sut.message_tracing.span(message_with({})):
        name = getattr(trace.get_current_span(), "name")
    sut.close()

    assert name == "orders process"
