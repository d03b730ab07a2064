from collections.abc import Sequence
from contextlib import nullcontext

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.trace import Link, NonRecordingSpan, Span, SpanKind
from opentelemetry.util.types import Attributes


class ParentOnlyTracer(trace.Tracer):
    """Starts no span: a child is a non-recording stand-in with its parent's context, and the
    parent stays current. With nothing exported a child would cost a few microseconds and never
    be seen, while logs and events still need the ids of the message's own span; the stand-in
    lets the parent be neither ended nor changed by the child's steps."""

    def start_span(
        self,
        name: str,
        context: Context | None = None,
        kind: SpanKind = SpanKind.INTERNAL,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        start_time: int | None = None,
        record_exception: bool = True,
        set_status_on_exception: bool = True,
    ) -> Span:
        return _stand_in(context)

    def start_as_current_span(  # type: ignore[override]
        self,
        name: str,
        context: Context | None = None,
        kind: SpanKind = SpanKind.INTERNAL,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        start_time: int | None = None,
        record_exception: bool = True,
        set_status_on_exception: bool = True,
        end_on_exit: bool = True,
    ) -> nullcontext[Span]:
        return nullcontext(_stand_in(context))


def _stand_in(context: Context | None) -> Span:
    return NonRecordingSpan(trace.get_current_span(context).get_span_context())
