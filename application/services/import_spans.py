from collections.abc import Iterator
from contextlib import contextmanager

from opentelemetry.semconv.attributes.error_attributes import ERROR_TYPE
from opentelemetry.trace import Span, Status, StatusCode, Tracer
from opentelemetry.util.types import Attributes

from application.errors import ApplicationError
from domain.errors import DomainError

ROWS_READ = "import_worker.rows.read"
ROWS_IMPORTED = "import_worker.rows.imported"
ROWS_REJECTED = "import_worker.rows.rejected"
KNOWN_ERRORS = (ApplicationError, DomainError)


@contextmanager
def import_step(tracer: Tracer, name: str, attributes: Attributes = None) -> Iterator[Span]:
    """A span around one step of an import, current inside it; a known error leaves it failed
    with the error's code as error.type (the SDK records the exception itself)."""
    with tracer.start_as_current_span(name, attributes=attributes) as span:
        try:
            yield span
        except KNOWN_ERRORS as error:
            span.set_attribute(ERROR_TYPE, error.code)
            raise


def mark_failed(span: Span, error: ApplicationError | DomainError) -> None:
    span.record_exception(error)
    span.set_attribute(ERROR_TYPE, error.code)
    span.set_status(Status(StatusCode.ERROR, error.code))
