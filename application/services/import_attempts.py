from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Protocol, TypedDict

from application.errors import AccessDeniedError, ApplicationError
from application.events.result_event_codec import within_event_bounds
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.import_attempt import ImportAttempt
from application.ports.trace_context import TraceContext
from domain.auth.user_identity import UserIdentity
from domain.errors import DomainError
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.model.data_record import DataRecord
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


class ImportAttempts:
    """Builds a request's attempt: its result with an event_id derived from the request (so a
    redelivery repeats it), its clock times and the trace context the request arrived in."""

    def __init__(self, *, clock: Clock, ids: IdGenerator, trace: TraceContext) -> None:
        self._clock = clock
        self._ids = ids
        self._trace = trace

    def now(self) -> datetime:
        return self._clock.now()

    def denied(self, command: ImportRequest, error: AccessDeniedError) -> ImportAttempt:
        moment = self._clock.now()
        result = ImportRejected(
            **self._identity(command, ImportRejected),
            error=_detail(error),
            started_at=moment,
            finished_at=moment,
        )
        return self._attempt(
            command, error.identity, outcome=partial(_settled, result), admitted=False
        )

    def failed(
        self,
        command: ImportRequest,
        actor: UserIdentity,
        error: ApplicationError | DomainError,
        *,
        started_at: datetime,
    ) -> ImportAttempt:
        result = ImportFailed(
            **self._identity(command, ImportFailed),
            error=_detail(error),
            started_at=started_at,
            finished_at=self._clock.now(),
        )
        return self._attempt(command, actor, outcome=partial(_settled, result))

    def read(
        self,
        command: ImportRequest,
        actor: UserIdentity,
        records: Iterable[DataRecord],
        tally: ImportTally,
        *,
        started_at: datetime,
    ) -> ImportAttempt:
        outcome = partial(self._completed, command, tally, started_at)
        return self._attempt(command, actor, outcome=outcome, records=records)

    def _completed(
        self, command: ImportRequest, tally: ImportTally, started_at: datetime
    ) -> ImportFinished:
        completed = ImportCompleted(
            **self._identity(command, ImportCompleted),
            rows_read=tally.rows_read,
            rows_imported=tally.rows_imported,
            rows_rejected=tally.rows_rejected,
            rejections=tuple(tally.rejections),
            started_at=started_at,
            finished_at=self._clock.now(),
        )
        return within_event_bounds(completed)

    def _attempt(
        self,
        command: ImportRequest,
        actor: UserIdentity | None,
        *,
        outcome: partial[ImportFinished],
        records: Iterable[DataRecord] = (),
        admitted: bool = True,
    ) -> ImportAttempt:
        return ImportAttempt(
            request_id=command.request_id,
            import_id=command.import_id,
            actor=actor,
            trace=self._trace.current(),
            records=records,
            outcome=outcome,
            admitted=admitted,
        )

    def _identity(self, command: ImportRequest, event_type: type[ImportFinished]) -> EventIdentity:
        return {
            "event_id": self._ids.derive(command.request_id, event_type.__name__),
            "import_id": command.import_id,
            "dataset": command.dataset,
            "correlation_id": command.correlation_id,
        }


def _settled(result: ImportFinished) -> ImportFinished:
    return result


def _detail(error: ApplicationError | DomainError) -> ImportErrorDetail:
    return ImportErrorDetail.of(error.code, str(error))
