from application.ports.message_publisher import MessagePublisher
from application.services.record_read_audit import RecordReadAudit
from application.use_cases.get_data import GetDataUseCase, GetRecord
from domain.auth.user_identity import UserIdentity
from domain.model.data_record import DataRecord


class ReadRecordUseCase:
    """Reads one committed record and publishes the audit of that read before answering: a read
    whose audit cannot be published answers nothing (DependencyUnavailableError)."""

    def __init__(
        self,
        *,
        records: GetDataUseCase,
        publisher: MessagePublisher,
        audit: RecordReadAudit,
        reader: UserIdentity,
    ) -> None:
        self._records = records
        self._publisher = publisher
        self._audit = audit
        self._reader = reader

    def execute(self, query: GetRecord) -> DataRecord | None:
        record = self._records.execute(query)
        audit = self._audit.message(reader=self._reader, dataset=query.dataset, record=record)
        self._publisher.publish([audit])
        return record
