from dataclasses import dataclass, field

from domain.model.row_rejection import RowRejection

REJECTIONS_KEPT = 100


@dataclass(slots=True)
class ImportTally:
    rows_read: int = 0
    rows_rejected: int = 0
    rejections: list[RowRejection] = field(default_factory=list)

    @property
    def rows_imported(self) -> int:
        return self.rows_read - self.rows_rejected

    def count_read(self) -> None:
        self.rows_read += 1

    def count_rejected(self, rejection: RowRejection) -> None:
        self.rows_rejected += 1
        if len(self.rejections) < REJECTIONS_KEPT:
            self.rejections.append(rejection.bounded())
