from dataclasses import dataclass

from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_finished import ImportFinished


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportEndedInError(ImportFinished):
    """No record was stored, and the error says why."""

    error: ImportErrorDetail
