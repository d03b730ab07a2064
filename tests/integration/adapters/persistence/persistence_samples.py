from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime

from application.ports.outbound_message import OutboundMessage
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.model.data_record import DataRecord
from domain.model.record_value import RecordValue
from domain.model.row_rejection import RowRejection

DATASET = "customers"
STARTED_AT = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
FINISHED_AT = datetime(2025, 3, 1, 12, 0, 5, tzinfo=UTC)


class BrokenSourceError(Exception):
    pass


def a_record(
    *key: str,
    values: Mapping[str, RecordValue] | None = None,
    dataset: str = DATASET,
    import_id: str = "import-1",
) -> DataRecord:
    return DataRecord(
        dataset=dataset,
        key=key,
        values={"name": "Ada", "age": 36} if values is None else values,
        import_id=import_id,
    )


def failing_after(records: Iterable[DataRecord]) -> Iterator[DataRecord]:
    yield from records
    raise BrokenSourceError("the source broke mid-stream")


def a_completed_import(
    import_id: str = "import-1", *, event_id: str = "event-1"
) -> ImportCompleted:
    return ImportCompleted(
        event_id=event_id,
        import_id=import_id,
        dataset=DATASET,
        correlation_id="correlation-1",
        rows_read=3,
        rows_imported=2,
        rows_rejected=1,
        rejections=(RowRejection(row=2, column="age", reason="not an integer"),),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


def a_failed_import(import_id: str = "import-2", *, event_id: str = "event-2") -> ImportFailed:
    return ImportFailed(
        event_id=event_id,
        import_id=import_id,
        dataset=DATASET,
        correlation_id="correlation-2",
        error=ImportErrorDetail(code="missing_columns", message="missing key column: id"),
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )


def a_message(number: int = 1, *, attributes: Mapping[str, str] | None = None) -> OutboundMessage:
    return OutboundMessage(
        topic=f"import-events-{number}",
        data=b'{"n":%d}' % number,
        attributes={"event_type": "ImportCompleted"} if attributes is None else attributes,
    )
