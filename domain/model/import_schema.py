from collections.abc import Mapping
from dataclasses import dataclass, field

from domain.model.column_spec import ColumnSpec


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportSchema:
    columns: Mapping[str, ColumnSpec] = field(default_factory=dict)
    key_columns: tuple[str, ...] = ()

    @property
    def needed_columns(self) -> tuple[str, ...]:
        required = (name for name, spec in self.columns.items() if spec.required)
        return tuple(dict.fromkeys((*self.key_columns, *required)))
