import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from opentelemetry.trace import Tracer

from application.errors import AccessDeniedError, ImportSourceError
from application.ports.import_attempt import ImportAttempt
from application.ports.import_progress import ImportProgress
from application.ports.import_writer import ImportWriter
from application.ports.record_source import RecordSource, SourceDescriptor
from application.services.auth_service import AuthService
from application.services.import_attempts import ImportAttempts
from application.services.import_spans import ROWS_READ, import_step, mark_failed
from domain.errors import DomainError
from domain.events.import_ended_in_error import ImportEndedInError
from domain.lifecycle.import_answer import ImportAnswer
from domain.model.data_record import DataRecord
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService

PROGRESS_STEP = 10_000
ERROR_LOGS = {"ImportFailed": "import.failed", "ImportRejected": "import.denied"}

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


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportDataUseCase:
    """Authorises a request, then reads its source into validated records for its writer, which
    stores them atomically and idempotently, alone or together with other requests."""

    auth: AuthService
    source: RecordSource
    attempts: ImportAttempts
    writer: ImportWriter
    progress: ImportProgress
    tracer: Tracer
    service: DataImportService = field(default_factory=DataImportService, init=False, repr=False)

    def execute(self, command: ImportData) -> ImportAnswer:
        try:
            with import_step(self.tracer, "authorize"):
                actor = self.auth.authorize(command.authorization)
        except AccessDeniedError as error:
            return self._write(self.attempts.denied(command, error))
        started_at = self.attempts.now()
        tally = ImportTally()
        records = self._records(command, tally)
        try:
            return self._write(
                self.attempts.read(command, actor, records, tally, started_at=started_at)
            )
        except (ImportSourceError, DomainError) as error:
            return self._write(self.attempts.failed(command, actor, error, started_at=started_at))
        finally:
            self.progress.finish(tally.rows_read)

    def _records(self, command: ImportData, tally: ImportTally) -> Iterator[DataRecord]:
        span = self.tracer.start_span("read source")
        try:
            yield from self._planned(command, tally)
        except (ImportSourceError, DomainError) as error:
            mark_failed(span, error)
            raise
        finally:
            span.set_attribute(ROWS_READ, tally.rows_read)
            span.end()

    def _planned(self, command: ImportData, tally: ImportTally) -> Iterator[DataRecord]:
        with self.source.open(command.source) as stream:
            plan = self.service.plan(
                dataset=command.dataset,
                import_id=command.import_id,
                header=stream.header,
                schema=command.schema,
            )
            yield from plan.records(self._watched(stream.rows), tally)

    def _watched(self, rows: Iterable[list[str]]) -> Iterator[list[str]]:
        for count, row in enumerate(rows, start=1):
            yield row
            if count % PROGRESS_STEP == 0:
                self.progress.report(count)

    def _write(self, attempt: ImportAttempt) -> ImportAnswer:
        answer = self.writer.write(attempt)
        _log(answer)
        return answer


def _log(answer: ImportAnswer) -> None:
    result = answer.result
    if answer.repeated:
        logger.info("import.already_completed")
    elif isinstance(result, ImportEndedInError):
        logger.warning(ERROR_LOGS[result.event_type], extra={"error_code": result.error.code})
    else:
        logger.info("import.completed")
