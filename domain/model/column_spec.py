from dataclasses import dataclass

from domain.enums.column_type import ColumnType


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnSpec:
    type: ColumnType = ColumnType.STRING
    required: bool = False
