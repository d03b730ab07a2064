from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class RowRejection:
    row: int
    column: str | None
    reason: str
