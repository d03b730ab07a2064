from datetime import UTC, datetime

from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.model.data_record import DataRecord
from domain.model.row_rejection import RowRejection

MOMENT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
COMPLETED = ImportCompleted(
    event_id="e-1",
    import_id="imp-1",
    dataset="people",
    correlation_id="c-1",
    rows_read=3,
    rows_imported=2,
    rows_rejected=1,
    rejections=(RowRejection(row=2, column="age", reason="not an integer"),),
    started_at=MOMENT,
    finished_at=MOMENT,
)
OTHER_COMPLETED = ImportCompleted(
    event_id="e-2",
    import_id="imp-2",
    dataset="orders",
    correlation_id="c-2",
    started_at=MOMENT,
    finished_at=MOMENT,
)
FAILED = ImportFailed(
    event_id="e-3",
    import_id="imp-3",
    dataset="people",
    correlation_id="c-3",
    error=ImportErrorDetail(code="source_not_found", message="no such file"),
    started_at=MOMENT,
    finished_at=MOMENT,
)
ADA = DataRecord(
    dataset="people",
    key=("1",),
    values={"id": 1, "name": "Ada", "active": True, "note": None, "amount": "12.50"},
    import_id="imp-1",
)
ORDER = DataRecord(dataset="orders", key=("1", "a"), values={"id": 1}, import_id="imp-2")
