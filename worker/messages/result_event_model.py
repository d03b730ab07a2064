from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from worker.messages.wire_types import DatasetName, ImportId

MAX_REJECTIONS = 100
MAX_REJECTION_TEXT = 200
MAX_ERROR_MESSAGE = 1000

Count = Annotated[int, Field(ge=0)]


class RowRejectionModel(BaseModel):
    """A data row that failed validation (1-based, the header not counted); `column` is null when
    the row as a whole is wrong (more or fewer fields than the header)."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="RowRejection")

    row: int = Field(ge=1)
    column: str | None = Field(max_length=MAX_REJECTION_TEXT)
    reason: str = Field(max_length=MAX_REJECTION_TEXT)


class ResultErrorModel(BaseModel):
    """Why nothing was stored: `code` is one of the contract's error codes."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="ResultError")

    code: str = Field(pattern=r"^[a-z][a-z_]*$")
    message: str = Field(max_length=MAX_ERROR_MESSAGE)


class ResultEventFieldsModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    event_id: UUID
    import_id: ImportId
    dataset: DatasetName
    correlation_id: str
    rows_read: Count
    rows_imported: Count
    rows_rejected: Count
    rejections: list[RowRejectionModel] = Field(max_length=MAX_REJECTIONS)
    started_at: datetime
    finished_at: datetime


class ImportCompletedModel(ResultEventFieldsModel):
    """Every valid row is stored; the rows that failed validation are counted, the first 100
    listed."""

    model_config = ConfigDict(title="ImportCompleted")

    event_type: Literal["ImportCompleted"]
    error: None


class ImportEndedInErrorModel(ResultEventFieldsModel):
    """ImportFailed: the source could not be read as the request describes it. ImportRejected: the
    request was not admitted (its token). Either way no record was stored."""

    model_config = ConfigDict(title="ImportFailedOrRejected")

    event_type: Literal["ImportFailed", "ImportRejected"]
    error: ResultErrorModel


ResultEventModel = Annotated[
    ImportCompletedModel | ImportEndedInErrorModel, Field(discriminator="event_type")
]
