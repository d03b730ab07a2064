import re

from opentelemetry.sdk.trace import TracerProvider

from tests.unit.adapters.observability.message_spans import consumer_span
from adapters.observability.trace_log_processor import add_trace_ids

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = f"00-{TRACE_ID}-b7ad6b7169203331-01"


def test_should_add_the_trace_id_of_the_current_span(tracer_provider: TracerProvider) -> None:
    with consumer_span(tracer_provider, {"traceparent": TRACEPARENT}):

        event = add_trace_ids(None, "info", {"event": "import.started"})

    assert event["trace_id"] == TRACE_ID


def test_should_add_the_span_id_as_sixteen_hex_digits(tracer_provider: TracerProvider) -> None:
    with consumer_span(tracer_provider, {"traceparent": TRACEPARENT}):

        event = add_trace_ids(None, "info", {"event": "import.started"})

    assert re.fullmatch("[0-9a-f]{16}", event["span_id"])


def test_should_add_nothing_outside_a_span() -> None:
    event = add_trace_ids(None, "info", {"event": "worker.started"})

    assert event == {"event": "worker.started"}
