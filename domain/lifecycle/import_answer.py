from dataclasses import dataclass

from domain.events.import_finished import ImportFinished


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportAnswer:
    """The result a request is answered with; repeated when it is an earlier request's result."""

    result: ImportFinished
    repeated: bool = False
