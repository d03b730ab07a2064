from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, RootModel

from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec


class ColumnSpecModel(BaseModel):
    """A column's type and whether an empty field rejects the row; unlisted columns are strings."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="ColumnSpec")

    type: ColumnType = ColumnType.STRING
    required: bool = False

    def to_domain(self) -> ColumnSpec:
        return ColumnSpec(type=self.type, required=self.required)


class ColumnsModel(RootModel[dict[str, ColumnSpecModel]]):
    def to_domain(self) -> Mapping[str, ColumnSpec]:
        return {name: spec.to_domain() for name, spec in self.root.items()}
