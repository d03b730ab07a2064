from dataclasses import dataclass

from application.events.audit_event import AuditEvent
from application.events.event_codec import (
    audit_event_attributes,
    audit_event_bytes,
    result_event_attributes,
    result_event_bytes,
)
from application.ports.outbound_message import OutboundMessage
from application.ports.trace_context import TraceContext
from domain.events.import_finished import ImportFinished


@dataclass(frozen=True, slots=True, kw_only=True)
class EventTopics:
    results: str
    audit: str


class EventMessages:
    def __init__(self, *, topics: EventTopics, trace: TraceContext) -> None:
        self._topics = topics
        self._trace = trace

    def result(self, event: ImportFinished) -> OutboundMessage:
        return OutboundMessage(
            topic=self._topics.results,
            data=result_event_bytes(event),
            attributes=result_event_attributes(event, self._trace.current()),
        )

    def audit(self, event: AuditEvent) -> OutboundMessage:
        return OutboundMessage(
            topic=self._topics.audit,
            data=audit_event_bytes(event),
            attributes=audit_event_attributes(event),
        )
