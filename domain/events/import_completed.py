from dataclasses import dataclass

from domain.events.import_finished import ImportFinished
from domain.model.row_rejection import RowRejection


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportCompleted(ImportFinished):
    """Every valid row is stored; rows that failed validation are counted, the first listed."""

    rows_read: int = 0
    rows_imported: int = 0
    rows_rejected: int = 0
    rejections: tuple[RowRejection, ...] = ()
