from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

from adapters.observability.parent_only_tracer import ParentOnlyTracer


def test_should_give_the_current_span_for_a_started_child(tracer_provider: TracerProvider) -> None:
    sut = ParentOnlyTracer()

    with tracer_provider.get_tracer("test").start_as_current_span("message") as parent:
        child = sut.start_span("authorize")

    assert child is parent


def test_should_leave_the_current_span_current_inside_a_child(
    tracer_provider: TracerProvider,
) -> None:
    sut = ParentOnlyTracer()

    with tracer_provider.get_tracer("test").start_as_current_span("message") as parent:
        with sut.start_as_current_span("store"):
            current = trace.get_current_span()

    assert current is parent


def test_should_give_the_invalid_span_outside_any_span() -> None:
    sut = ParentOnlyTracer()

    span = sut.start_span("import file")

    assert span.get_span_context().is_valid is False
