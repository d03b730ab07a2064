from dataclasses import dataclass

from opentelemetry.semconv.attributes.error_attributes import ERROR_TYPE
from opentelemetry.trace import Span, Status, StatusCode

OUTCOME = "import_worker.outcome"


@dataclass(frozen=True, slots=True)
class OtelConsumerSpan:
    span: Span

    def settle(self, outcome: str, error_code: str | None) -> None:
        """Records how the message ended; an outcome with an error code marks the span failed."""
        if not self.span.is_recording():
            return
        self.span.set_attribute(OUTCOME, outcome)
        if error_code is not None:
            self.span.set_attribute(ERROR_TYPE, error_code)
            self.span.set_status(Status(StatusCode.ERROR, error_code))
