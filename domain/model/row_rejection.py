from dataclasses import dataclass, replace

from domain.model.bounded_text import bounded_text

TEXT_LIMIT = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class RowRejection:
    row: int
    column: str | None
    reason: str

    def bounded(self) -> "RowRejection":
        """The rejection as a result reports it: column and reason at most TEXT_LIMIT characters."""
        column = None if self.column is None else bounded_text(self.column, TEXT_LIMIT)
        return replace(self, column=column, reason=bounded_text(self.reason, TEXT_LIMIT))
