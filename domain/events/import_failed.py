from dataclasses import dataclass

from domain.events.import_ended_in_error import ImportEndedInError


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportFailed(ImportEndedInError):
    """The source could not be read as the request describes it."""
