from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

from adapters.observability.parent_only_tracer import ParentOnlyTracer


def test_should_give_a_child_its_parents_context(tracer_provider: TracerProvider) -> None:
    sut = ParentOnlyTracer()

    with tracer_provider.get_tracer("test").start_as_current_span("message") as parent:
        child = sut.start_span("authorize")

    assert child.get_span_context() == parent.get_span_context()


def test_should_record_nothing_on_a_child(tracer_provider: TracerProvider) -> None:
    sut = ParentOnlyTracer()

    with tracer_provider.get_tracer("test").start_as_current_span("message"):
        child = sut.start_span("read source")

    assert child.is_recording() is False


def test_should_leave_the_parent_open_when_a_child_ends(tracer_provider: TracerProvider) -> None:
    sut = ParentOnlyTracer()

    with tracer_provider.get_tracer("test").start_as_current_span("message") as parent:
        sut.start_span("read source").end()
        still_recording = parent.is_recording()

    assert still_recording is True


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
