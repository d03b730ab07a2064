from dataclasses import dataclass
from typing import ClassVar

from domain.events.import_ended_in_error import ImportEndedInError


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportRejected(ImportEndedInError):
    """The request was never admitted, so nothing is recorded under its import_id."""

    recorded: ClassVar[bool] = False
