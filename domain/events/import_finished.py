from dataclasses import dataclass
from datetime import datetime

from domain.events.import_error_detail import ImportErrorDetail
from domain.model.row_rejection import RowRejection


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportFinished:
    event_id: str
    import_id: str
    dataset: str
    correlation_id: str
    rows_read: int = 0
    rows_imported: int = 0
    rows_rejected: int = 0
    rejections: tuple[RowRejection, ...] = ()
    error: ImportErrorDetail | None = None
    started_at: datetime
    finished_at: datetime

    @property
    def event_type(self) -> str:
        return type(self).__name__
