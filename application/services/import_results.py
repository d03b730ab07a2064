from datetime import datetime
from typing import Protocol, TypedDict

from application.errors import ApplicationError
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from domain.errors import DomainError
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.model.import_tally import ImportTally


class ImportRequest(Protocol):
    @property
    def request_id(self) -> str: ...

    @property
    def import_id(self) -> str: ...

    @property
    def dataset(self) -> str: ...

    @property
    def correlation_id(self) -> str: ...


class EventIdentity(TypedDict):
    event_id: str
    import_id: str
    dataset: str
    correlation_id: str


class ImportResults:
    """Builds result events whose event_id derives from the request, so a redelivery repeats it."""

    def __init__(self, *, clock: Clock, ids: IdGenerator) -> None:
        self._clock = clock
        self._ids = ids

    def now(self) -> datetime:
        return self._clock.now()

    def completed(
        self, request: ImportRequest, tally: ImportTally, *, started_at: datetime
    ) -> ImportFinished:
        return ImportCompleted(
            **self._identity(request, ImportCompleted),
            rows_read=tally.rows_read,
            rows_imported=tally.rows_imported,
            rows_rejected=tally.rows_rejected,
            rejections=tuple(tally.rejections),
            started_at=started_at,
            finished_at=self._clock.now(),
        )

    def failed(
        self, request: ImportRequest, error: ApplicationError | DomainError, *, started_at: datetime
    ) -> ImportFinished:
        return ImportFailed(
            **self._identity(request, ImportFailed),
            error=_detail(error),
            started_at=started_at,
            finished_at=self._clock.now(),
        )

    def rejected(
        self, request: ImportRequest, error: ApplicationError | DomainError
    ) -> ImportFinished:
        moment = self._clock.now()
        return ImportRejected(
            **self._identity(request, ImportRejected),
            error=_detail(error),
            started_at=moment,
            finished_at=moment,
        )

    def _identity(self, request: ImportRequest, event_type: type[ImportFinished]) -> EventIdentity:
        return {
            "event_id": self._ids.derive(request.request_id, event_type.__name__),
            "import_id": request.import_id,
            "dataset": request.dataset,
            "correlation_id": request.correlation_id,
        }


def _detail(error: ApplicationError | DomainError) -> ImportErrorDetail:
    return ImportErrorDetail(code=error.code, message=str(error))
