import contextlib
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from adapters.observability.otel_tracing import unexported_tracer_provider
from tests.unit.adapters.observability.message_spans import (
    consumer_span,
    message_tracing,
    message_with,
)

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
PARENT_SPAN_ID = "b7ad6b7169203331"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"
OTHER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
OTHER_TRACEPARENT = f"00-{OTHER_TRACE_ID}-00f067aa0ba902b7-01"


def only_span(exporter: InMemorySpanExporter) -> ReadableSpan:
    [span] = exporter.get_finished_spans()
    return span


def parent_span_id(span: ReadableSpan) -> str | None:
    return None if span.parent is None else trace.format_span_id(span.parent.span_id)


def trace_id_of(span: ReadableSpan) -> str:
    return trace.format_trace_id(span.context.trace_id)


def traced(provider: TracerProvider, attributes: dict[str, str]) -> None:
    with consumer_span(provider, attributes):
        pass


def test_should_continue_the_trace_of_the_message(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(tracer_provider, {"traceparent": TRACEPARENT})

    assert trace_id_of(only_span(span_exporter)) == TRACE_ID


def test_should_make_the_publisher_span_the_parent(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(tracer_provider, {"traceparent": TRACEPARENT})

    assert parent_span_id(only_span(span_exporter)) == PARENT_SPAN_ID


def test_should_continue_the_trace_a_google_client_sent_without_a_traceparent(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(tracer_provider, {"googclient_traceparent": TRACEPARENT})

    assert trace_id_of(only_span(span_exporter)) == TRACE_ID


def test_should_prefer_the_traceparent_to_the_google_clients(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(
        tracer_provider,
        {"traceparent": OTHER_TRACEPARENT, "googclient_traceparent": TRACEPARENT},
    )

    assert trace_id_of(only_span(span_exporter)) == OTHER_TRACE_ID


def test_should_fall_back_to_the_google_clients_when_the_traceparent_is_malformed(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(tracer_provider, {"traceparent": "00-bad-01", "googclient_traceparent": TRACEPARENT})

    assert trace_id_of(only_span(span_exporter)) == TRACE_ID


@pytest.mark.parametrize(
    "carrier",
    [{}, {"traceparent": "00-not-a-trace-01"}, {"traceparent": f"00-{'0' * 32}-{'0' * 16}-01"}],
    ids=["absent", "malformed", "all-zero-ids"],
)
def test_should_start_a_new_trace_without_a_valid_parent(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter, carrier: dict[str, str]
) -> None:
    traced(tracer_provider, carrier)

    assert only_span(span_exporter).parent is None


def test_should_start_a_new_trace_rather_than_join_the_surrounding_span(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    with tracer_provider.get_tracer("test").start_as_current_span("surrounding"):
        traced(tracer_provider, {})

    assert span_exporter.get_finished_spans()[0].parent is None


def test_should_open_a_consumer_span(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(tracer_provider, {})

    assert only_span(span_exporter).kind is trace.SpanKind.CONSUMER


def test_should_name_the_span_after_the_topic_it_processes(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(tracer_provider, {})

    assert only_span(span_exporter).name == "import-requests process"


def test_should_describe_the_message_with_the_messaging_conventions(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    traced(tracer_provider, {})

    assert dict(only_span(span_exporter).attributes or {}) == {
        "messaging.system": "gcp_pubsub",
        "messaging.destination.name": "import-requests",
        "messaging.destination.subscription.name": "import-requests-worker",
        "messaging.operation.type": "process",
        "messaging.operation.name": "process",
        "messaging.message.id": "m-1",
        "messaging.message.body.size": 22,
        "messaging.gcp_pubsub.message.delivery_attempt": 2,
    }


def test_should_make_its_span_current_inside_the_block(tracer_provider: TracerProvider) -> None:
    with consumer_span(tracer_provider, {"traceparent": TRACEPARENT}):
        current = trace.get_current_span().get_span_context()

    assert trace.format_trace_id(current.trace_id) == TRACE_ID


def test_should_mark_the_span_as_failed_when_the_block_raises(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    with contextlib.suppress(RuntimeError):
        with consumer_span(tracer_provider, {}):
            raise RuntimeError("boom")

    assert only_span(span_exporter).status.status_code is trace.StatusCode.ERROR


def settled(provider: TracerProvider, outcome: str, error_code: str | None) -> None:
    with consumer_span(provider, {}) as span:
        span.settle(outcome, error_code)


def test_should_record_the_outcome_of_the_message(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    settled(tracer_provider, "completed", None)

    assert (only_span(span_exporter).attributes or {})["import_worker.outcome"] == "completed"


def test_should_leave_the_status_unset_for_an_outcome_without_error(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    settled(tracer_provider, "completed", None)

    assert only_span(span_exporter).status.status_code is trace.StatusCode.UNSET


def test_should_name_the_error_code_of_a_failed_message(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    settled(tracer_provider, "failed", "source_not_found")

    assert (only_span(span_exporter).attributes or {})["error.type"] == "source_not_found"


def test_should_mark_a_message_with_an_error_code_failed(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    settled(tracer_provider, "retried", "dependency_unavailable")

    assert only_span(span_exporter).status.description == "dependency_unavailable"


def test_should_settle_an_unsampled_span_without_error() -> None:
    provider = unexported_tracer_provider()

    with consumer_span(provider, {}) as span:
        span.settle("failed", "source_not_found")

    assert span.span.is_recording() is False


def current_span_context(provider: Any, carrier: dict[str, str]) -> trace.SpanContext:
    with message_tracing(provider).span(message_with(carrier)):
        return trace.get_current_span().get_span_context()


def test_should_not_sample_a_root_span_of_an_unexported_provider() -> None:
    context = current_span_context(unexported_tracer_provider(), {})

    assert context.trace_flags.sampled is False


def test_should_still_give_a_root_span_of_an_unexported_provider_a_trace_id() -> None:
    context = current_span_context(unexported_tracer_provider(), {})

    assert context.is_valid


def test_should_sample_the_child_of_a_sampled_parent_with_an_unexported_provider() -> None:
    context = current_span_context(unexported_tracer_provider(), {"traceparent": TRACEPARENT})

    assert context.trace_flags.sampled is True


def test_should_leave_out_the_delivery_attempt_a_subscription_without_dead_letters_omits(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    with message_tracing(tracer_provider).span(message_with({}, delivery_attempt=None)):
        pass

    assert "messaging.gcp_pubsub.message.delivery_attempt" not in (
        only_span(span_exporter).attributes or {}
    )
