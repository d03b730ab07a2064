from application.events.audit_event import AuditEvent, AuditEventType, AuditOutcome
from application.events.audit_event_codec import audit_message
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.outbound_message import OutboundMessage
from domain.auth.user_identity import UserIdentity
from domain.model.data_record import DataRecord


class RecordReadAudit:
    """The audit event of one read of a stored record: who read which dataset, and whether a
    record was found (with its import). The key is left out: a key is row content."""

    def __init__(self, *, topic: str, clock: Clock, ids: IdGenerator) -> None:
        self._topic = topic
        self._clock = clock
        self._ids = ids

    def message(
        self, *, reader: UserIdentity, dataset: str, record: DataRecord | None
    ) -> OutboundMessage:
        event = AuditEvent(
            event_id=self._ids.new_id(),
            event_type=AuditEventType.RECORDS_READ,
            occurred_at=self._clock.now(),
            correlation_id=self._ids.new_id(),
            actor=reader,
            dataset=dataset,
            import_id=None if record is None else record.import_id,
            outcome=AuditOutcome.FAILURE if record is None else AuditOutcome.SUCCESS,
        )
        return audit_message(event, topic=self._topic)
