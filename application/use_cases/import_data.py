import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from application.errors import AccessDeniedError, ImportCancelledError, ImportSourceError
from application.ports.import_progress import ImportProgress
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_source import RecordSource, SourceDescriptor
from application.ports.unit_of_work import UnitOfWork
from application.services.auth_service import AuthService
from application.services.import_events import AuditSubject, ImportEvents
from application.services.import_results import ImportResults
from domain.auth.user_identity import UserIdentity
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService
from domain.service.missing_columns_error import MissingColumnsError

PROGRESS_STEP = 10_000

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportData:
    request_id: str
    import_id: str
    dataset: str
    source: SourceDescriptor
    schema: ImportSchema
    correlation_id: str
    authorization: str | None = None


class ImportDataUseCase:
    """Atomic and idempotent: records, ledger and outbox are committed together, or nothing is."""

    def __init__(
        self,
        *,
        auth: AuthService,
        source: RecordSource,
        uow: UnitOfWork,
        results: ImportResults,
        events: ImportEvents,
        progress: ImportProgress,
        service: DataImportService,
        stopping: threading.Event,
        hand_over: OutboxHandOver,
    ) -> None:
        self._auth = auth
        self._source = source
        self._uow = uow
        self._results = results
        self._events = events
        self._progress = progress
        self._service = service
        self._stopping = stopping
        self._hand_over = hand_over

    def execute(self, command: ImportData) -> ImportFinished:
        try:
            actor = self._auth.authorize(command.authorization)
        except AccessDeniedError as error:
            return self._deny(command, error)
        return self._repeat_completed(command) or self._run(command, actor)

    def _deny(self, command: ImportData, error: AccessDeniedError) -> ImportFinished:
        logger.warning("import.denied", extra={"error_code": error.code})
        result = self._results.rejected(command, error)
        subject = AuditSubject(result=result, actor=error.identity, request_id=command.request_id)
        with self._uow as uow:
            written = uow.outbox.add(self._events.denied(subject))
            uow.commit()
        self._hand_over.hand_over(written)
        return result

    def _repeat_completed(self, command: ImportData) -> ImportFinished | None:
        with self._uow as uow:
            previous = uow.imports.find(command.import_id)
            if not isinstance(previous, ImportCompleted):
                return None
            logger.info("import.already_completed")
            written = uow.outbox.add(self._events.repeated(previous))
            uow.commit()
        self._hand_over.hand_over(written)
        return previous

    def _run(self, command: ImportData, actor: UserIdentity) -> ImportFinished:
        started_at = self._results.now()
        try:
            return self._store(command, actor, started_at=started_at)
        except (ImportSourceError, MissingColumnsError) as error:
            logger.warning("import.failed", extra={"error_code": error.code})
            result = self._results.failed(command, error, started_at=started_at)
            return self._record_failure(command, actor, result)
        finally:
            self._progress.finish()

    def _store(
        self, command: ImportData, actor: UserIdentity, *, started_at: datetime
    ) -> ImportFinished:
        tally = ImportTally()
        with self._source.open(command.source) as stream, self._uow as uow:
            plan = self._service.plan(
                dataset=command.dataset,
                import_id=command.import_id,
                header=stream.header,
                schema=command.schema,
            )
            uow.records.upsert_all(plan.records(self._watched(stream.rows), tally))
            self._progress.report(tally.rows_read)
            result = self._results.completed(command, tally, started_at=started_at)
            stored, written = self._conclude(uow, result, actor, command, self._events.completed)
        self._hand_over.hand_over(written)
        logger.info("import.completed", extra={"rows_read": tally.rows_read})
        return stored

    def _record_failure(
        self, command: ImportData, actor: UserIdentity, result: ImportFinished
    ) -> ImportFinished:
        with self._uow as uow:
            stored, written = self._conclude(uow, result, actor, command, self._events.failed)
        self._hand_over.hand_over(written)
        return stored

    def _conclude(
        self,
        uow: UnitOfWork,
        result: ImportFinished,
        actor: UserIdentity,
        command: ImportData,
        outcome_events: Callable[[AuditSubject], list[OutboundMessage]],
    ) -> tuple[ImportFinished, list[PendingMessage]]:
        stored = uow.imports.add(result)
        if stored.event_id == result.event_id:
            subject = AuditSubject(result=result, actor=actor, request_id=command.request_id)
            messages = outcome_events(subject)
        else:
            messages = self._events.repeated(stored)
        written = uow.outbox.add(messages)
        uow.commit()
        return stored, written

    def _watched(self, rows: Iterable[list[str]]) -> Iterator[list[str]]:
        for count, row in enumerate(rows, start=1):
            yield row
            if count % PROGRESS_STEP == 0:
                self._checkpoint(count)

    def _checkpoint(self, rows_read: int) -> None:
        if self._stopping.is_set():
            raise ImportCancelledError("the worker is stopping")
        self._progress.report(rows_read)
