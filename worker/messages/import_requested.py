from datetime import datetime
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from worker.messages.column_schema import ColumnSpecModel
from worker.messages.wire_types import DatasetName, Delimiter, ImportId

SOURCE_SCHEMES = ("file://", "gs://", "https://")
SOURCE_URI_PATTERN = "^(file|gs|https)://"
ONE_LOCATION: JsonDict = {
    "oneOf": [
        {"required": ["uri"], "properties": {"uri": {"type": "string"}}},
        {"required": ["inline"], "properties": {"inline": {"type": "string"}}},
    ]
}


class SourceModel(BaseModel):
    """Where the CSV is: exactly one of `uri` and `inline`."""

    model_config = ConfigDict(
        frozen=True, extra="allow", title="Source", json_schema_extra=ONE_LOCATION
    )

    uri: str | None = Field(default=None, json_schema_extra={"pattern": SOURCE_URI_PATTERN})
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
    model_config = ConfigDict(frozen=True, extra="allow", title="ImportRequested")

    import_id: ImportId
    dataset: DatasetName
    source: SourceModel
    key_columns: tuple[str, ...] = Field(default=())
    columns: dict[str, ColumnSpecModel] = Field(default_factory=dict)
    requested_at: datetime | None = None

    @property
    def unknown_fields(self) -> tuple[str, ...]:
        return tuple(self.model_extra or ())
