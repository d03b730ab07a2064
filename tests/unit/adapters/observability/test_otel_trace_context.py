from opentelemetry.sdk.trace import TracerProvider

from adapters.observability.otel_trace_context import OtelTraceContext
from tests.unit.adapters.observability.message_spans import consumer_span

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = f"00-{TRACE_ID}-b7ad6b7169203331-01"


def test_should_be_empty_outside_any_span() -> None:
    sut = OtelTraceContext()

    context = sut.current()

    assert context == {}


def test_should_carry_the_trace_id_of_the_current_span(tracer_provider: TracerProvider) -> None:
    sut = OtelTraceContext()

    with consumer_span(tracer_provider, {"traceparent": TRACEPARENT}):
        context = sut.current()

    assert context["traceparent"].split("-")[1] == TRACE_ID


def test_should_carry_the_current_span_as_the_next_parent(
    tracer_provider: TracerProvider,
) -> None:
    sut = OtelTraceContext()

    with consumer_span(tracer_provider, {"traceparent": TRACEPARENT}):
        context = sut.current()

    assert context["traceparent"].split("-")[2] != "b7ad6b7169203331"


def test_should_carry_the_tracestate_of_the_message(tracer_provider: TracerProvider) -> None:
    sut = OtelTraceContext()
    carrier = {"traceparent": TRACEPARENT, "tracestate": "vendor=opaque"}

    with consumer_span(tracer_provider, carrier):
        context = sut.current()

    assert context["tracestate"] == "vendor=opaque"


def test_should_leave_tracestate_out_when_the_trace_has_none(
    tracer_provider: TracerProvider,
) -> None:
    sut = OtelTraceContext()

    with consumer_span(tracer_provider, {}):
        context = sut.current()

    assert set(context) == {"traceparent"}


def test_should_round_trip_into_a_child_span(tracer_provider: TracerProvider) -> None:
    sut = OtelTraceContext()
    with consumer_span(tracer_provider, {}):
        outbound = dict(sut.current())

    with consumer_span(tracer_provider, outbound):
        inbound = sut.current()

    assert inbound["traceparent"].split("-")[1] == outbound["traceparent"].split("-")[1]


def test_should_let_a_message_carry_its_parents_context_when_nothing_is_exported() -> None:
    sut = OtelTraceContext()

    produced = sut.produced({"traceparent": TRACEPARENT}, "import-results")

    assert produced == {"traceparent": TRACEPARENT}
