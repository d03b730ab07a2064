import contextvars
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from application.errors import AccessDeniedError, ImportSourceError
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_source import RecordSource
from application.ports.unit_of_work import UnitOfWork
from application.services.auth_service import AuthService
from application.services.import_events import AuditSubject, ImportEvents
from application.services.import_results import ImportResults
from application.use_cases.import_data import ImportData
from domain.auth.user_identity import UserIdentity
from domain.events.import_finished import ImportFinished
from domain.model.data_record import DataRecord
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService
from domain.service.missing_columns_error import MissingColumnsError

logger = logging.getLogger(__name__)

OUTCOME_LOGS = {
    "ImportCompleted": (logging.INFO, "import.completed"),
    "ImportFailed": (logging.WARNING, "import.failed"),
    "ImportRejected": (logging.WARNING, "import.denied"),
}

REPEAT_LOG = (logging.INFO, "import.already_completed")

OutcomeEvents = Callable[[AuditSubject], list[OutboundMessage]]


@dataclass(slots=True, kw_only=True)
class StagedImport:
    command: ImportData
    actor: UserIdentity | None
    result: ImportFinished
    outcome_events: OutcomeEvents
    records: list[DataRecord] = field(default_factory=list)
    ledgered: bool = True
    repeated: bool = False
    context: contextvars.Context = field(default_factory=contextvars.copy_context)

    @property
    def import_id(self) -> str:
        return self.command.import_id

    def subject(self) -> AuditSubject:
        return AuditSubject(
            result=self.result, actor=self.actor, request_id=self.command.request_id
        )


class ImportBatchUseCase:
    """Small imports: each read where it arrived, then a batch with distinct import_ids stored in
    one transaction. Events and logs of an import are made in the context it arrived in."""

    def __init__(
        self,
        *,
        auth: AuthService,
        source: RecordSource,
        uow: UnitOfWork,
        results: ImportResults,
        events: ImportEvents,
        service: DataImportService,
        hand_over: OutboxHandOver,
    ) -> None:
        self._auth = auth
        self._source = source
        self._uow = uow
        self._results = results
        self._events = events
        self._service = service
        self._hand_over = hand_over

    def execute(self, commands: Sequence[ImportData]) -> list[ImportFinished]:
        return self.store([self.prepare(command) for command in commands])

    def store(self, staged: Sequence[StagedImport]) -> list[ImportFinished]:
        with self._uow as uow:
            self._conclude(uow, _ledgered(staged))
            uow.records.upsert_all(chain.from_iterable(item.records for item in staged))
            written = uow.outbox.add(list(chain.from_iterable(map(_events, staged))))
            uow.commit()
        self._hand_over.hand_over(written)
        for item in staged:
            item.context.run(_log, item)
        return [item.result for item in staged]

    def prepare(self, command: ImportData) -> StagedImport:
        try:
            actor = self._auth.authorize(command.authorization)
        except AccessDeniedError as error:
            result = self._results.rejected(command, error)
            return StagedImport(
                command=command,
                actor=error.identity,
                result=result,
                outcome_events=self._events.denied,
                ledgered=False,
            )
        return self._read(command, actor)

    def _read(self, command: ImportData, actor: UserIdentity) -> StagedImport:
        started_at = self._results.now()
        tally = ImportTally()
        try:
            with self._source.open(command.source) as stream:
                plan = self._service.plan(
                    dataset=command.dataset,
                    import_id=command.import_id,
                    header=stream.header,
                    schema=command.schema,
                )
                records = list(plan.records(stream.rows, tally))
        except (ImportSourceError, MissingColumnsError) as error:
            failed = self._results.failed(command, error, started_at=started_at)
            return StagedImport(
                command=command, actor=actor, result=failed, outcome_events=self._events.failed
            )
        return StagedImport(
            command=command,
            actor=actor,
            result=self._results.completed(command, tally, started_at=started_at),
            outcome_events=self._events.completed,
            records=records,
        )

    def _conclude(self, uow: UnitOfWork, ledgered: list[StagedImport]) -> None:
        stored = uow.imports.add_all([item.result for item in ledgered])
        for item, kept in zip(ledgered, stored, strict=True):
            if kept.event_id != item.result.event_id:
                self._repeat(item, kept)

    def _repeat(self, item: StagedImport, earlier: ImportFinished) -> None:
        item.result = earlier
        item.records = []
        item.ledgered = False
        item.repeated = True
        item.outcome_events = self._repeated

    def _repeated(self, subject: AuditSubject) -> list[OutboundMessage]:
        return self._events.repeated(subject.result)


def _ledgered(staged: Sequence[StagedImport]) -> list[StagedImport]:
    return [item for item in staged if item.ledgered]


def _events(item: StagedImport) -> list[OutboundMessage]:
    return item.context.run(item.outcome_events, item.subject())


def _log(item: StagedImport) -> None:
    level, event = REPEAT_LOG if item.repeated else OUTCOME_LOGS[item.result.event_type]
    error = item.result.error
    logger.log(level, event, extra={"error_code": None if error is None else error.code})
