from datetime import datetime
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from worker.messages.column_schema import ColumnSpecModel
from worker.messages.wire_types import DatasetName, Delimiter, ImportId

SOURCE_SCHEMES = ("file://", "gs://", "https://")


class SourceModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")

    uri: str | None = None
    inline: str | None = None
    format: Literal["csv"] = "csv"
    delimiter: Delimiter = ","
    encoding: str = "utf-8"
    header: bool = True

    @model_validator(mode="after")
    def exactly_one_location(self) -> Self:
        if (self.uri is None) == (self.inline is None):
            raise ValueError("exactly one of source.uri and source.inline is required")
        if self.uri is not None and not self.uri.startswith(SOURCE_SCHEMES):
            raise ValueError("source.uri must be a file://, gs:// or https:// address")
        return self


class ImportRequestedV1(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")

    import_id: ImportId
    dataset: DatasetName
    source: SourceModel
    key_columns: tuple[str, ...] = Field(default=())
    columns: dict[str, ColumnSpecModel] = Field(default_factory=dict)
    requested_at: datetime | None = None

    @property
    def unknown_fields(self) -> tuple[str, ...]:
        return tuple(self.model_extra or ())
