import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

from application.errors import ImportSourceError
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.import_progress import ImportProgress
from application.ports.record_source import RecordSource, SourceDescriptor
from application.ports.unit_of_work import UnitOfWork
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService
from domain.service.missing_columns_error import MissingColumnsError

PROGRESS_STEP = 10_000

logger = logging.getLogger(__name__)


class EventIdentity(TypedDict):
    event_id: str
    import_id: str
    dataset: str
    correlation_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportData:
    import_id: str
    dataset: str
    source: SourceDescriptor
    schema: ImportSchema
    correlation_id: str


class ImportDataUseCase:
    """Atomic, idempotent: each valid row stored once, or none; a completed import is not redone."""

    def __init__(
        self,
        *,
        source: RecordSource,
        uow: UnitOfWork,
        clock: Clock,
        ids: IdGenerator,
        progress: ImportProgress,
        service: DataImportService,
    ) -> None:
        self._source = source
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._progress = progress
        self._service = service

    def execute(self, command: ImportData) -> ImportFinished:
        with self._uow as uow:
            previous = uow.imports.find(command.import_id)
        if isinstance(previous, ImportCompleted):
            logger.info("import.already_completed")
            return previous
        return self._run(command, started_at=self._clock.now())

    def _run(self, command: ImportData, *, started_at: datetime) -> ImportFinished:
        try:
            return self._store(command, started_at=started_at)
        except (ImportSourceError, MissingColumnsError) as error:
            logger.warning("import.failed", extra={"error_code": error.code})
            failure = ImportErrorDetail(code=error.code, message=str(error))
            return self._record_failure(command, started_at=started_at, error=failure)
        finally:
            self._progress.finish()

    def _store(self, command: ImportData, *, started_at: datetime) -> ImportFinished:
        tally = ImportTally()
        with self._source.open(command.source) as stream, self._uow as uow:
            plan = self._service.plan(
                dataset=command.dataset,
                import_id=command.import_id,
                header=stream.header,
                schema=command.schema,
            )
            uow.records.upsert_all(plan.records(self._reported(stream.rows), tally))
            self._progress.report(tally.rows_read)
            result = self._completed(command, tally, started_at=started_at)
            uow.imports.add(result)
            uow.commit()
        logger.info("import.completed", extra={"rows_read": tally.rows_read})
        return result

    def _record_failure(
        self, command: ImportData, *, started_at: datetime, error: ImportErrorDetail
    ) -> ImportFinished:
        result = ImportFailed(
            **self._identity(command),
            error=error,
            started_at=started_at,
            finished_at=self._clock.now(),
        )
        with self._uow as uow:
            uow.imports.add(result)
            uow.commit()
        return result

    def _completed(
        self, command: ImportData, tally: ImportTally, *, started_at: datetime
    ) -> ImportFinished:
        return ImportCompleted(
            **self._identity(command),
            rows_read=tally.rows_read,
            rows_imported=tally.rows_imported,
            rows_rejected=tally.rows_rejected,
            rejections=tuple(tally.rejections),
            started_at=started_at,
            finished_at=self._clock.now(),
        )

    def _identity(self, command: ImportData) -> EventIdentity:
        return {
            "event_id": self._ids.new_id(),
            "import_id": command.import_id,
            "dataset": command.dataset,
            "correlation_id": command.correlation_id,
        }

    def _reported(self, rows: Iterable[list[str]]) -> Iterator[list[str]]:
        for count, row in enumerate(rows, start=1):
            yield row
            if count % PROGRESS_STEP == 0:
                self._progress.report(count)
