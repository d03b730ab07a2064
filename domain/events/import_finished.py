from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportFinished:
    """What became of an import request; its event_id derives from the request."""

    recorded: ClassVar[bool] = True

    event_id: str
    import_id: str
    dataset: str
    correlation_id: str
    started_at: datetime
    finished_at: datetime

    @property
    def event_type(self) -> str:
        return type(self).__name__
