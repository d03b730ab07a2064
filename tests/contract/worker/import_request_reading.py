from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from opentelemetry import trace
from pydantic import SecretStr

from adapters.messaging.inbound_message import InboundMessage

from application.use_cases.import_data import ImportData
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.messages.import_request_parser import parse_import_request

MESSAGE_ID = "7401"
GENERATED_CORRELATION_ID = "generated"
PACT_METADATA = frozenset({"contentType"})
PUBLISHED_AT = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportRequestReading:
    """What the worker makes of a request: its command, and the trace its span continues."""

    command: ImportData
    continued_trace_id: str | None


def read_import_request(
    data: str | bytes | None, metadata: Mapping[str, object]
) -> ImportRequestReading:
    attributes = {key: str(value) for key, value in metadata.items() if key not in PACT_METADATA}
    data_bytes = data.encode() if isinstance(data, str) else bytes(data or b"")
    tracing = bootstrap(Settings(database_url=SecretStr("memory://"))).worker.tracing
    message = InboundMessage(
        message_id=MESSAGE_ID,
        data=data_bytes,
        attributes=attributes,
        delivery_attempt=1,
        publish_time=PUBLISHED_AT,
    )
    with tracing(message):
        return ImportRequestReading(
            command=parse_import_request(
                data=data_bytes,
                attributes=attributes,
                request_id=MESSAGE_ID,
                correlation_id=attributes.get("correlation_id", GENERATED_CORRELATION_ID),
            ),
            continued_trace_id=_continued_trace_id(),
        )


def _continued_trace_id() -> str | None:
    parent = getattr(trace.get_current_span(), "parent", None)
    return None if parent is None else format(parent.trace_id, "032x")
