import contextvars
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Protocol

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.persistence.memory.import_ledger import InMemoryImportLedger
from adapters.persistence.memory.outbox import InMemoryOutbox
from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.transaction import InMemoryTransaction
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.ports.outbound_message import OutboundMessage
from application.ports.record_source import RecordSource, SourceDescriptor
from application.ports.trace_context import TraceContext
from application.ports.unit_of_work import UnitOfWork
from application.services.auth_service import AuthService
from application.services.event_messages import EventMessages
from application.services.import_events import ImportEvents
from application.services.import_results import ImportResults
from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver
from application.services.no_hand_over import NoHandOver
from application.use_cases.import_batch import ImportBatchUseCase, StagedImport
from application.use_cases.import_data import ImportData
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.service.data_import_service import DataImportService
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import TRACEPARENT
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_data_examples import (
    AUDITED_AT,
    COMMAND,
    DATASET,
    FINISHED_AT,
    STARTED_AT,
    TOPICS,
    VIEWER_TOKEN,
)

PEOPLE_CSV = "id,name,age\n1,Ada,36\n2,Bob,forty\n3,Cy,\n"
KEYLESS_CSV = "name,age\nAda,36\n"
EARLIER = STARTED_AT - timedelta(days=1)
ARRIVAL = contextvars.ContextVar("arrival", default=TRACEPARENT)


def inline_import(number: int, text: str = PEOPLE_CSV) -> ImportData:
    return replace(
        COMMAND,
        request_id=f"msg-{number}",
        import_id=f"imp-{number}",
        correlation_id=f"corr-{number}",
        source=SourceDescriptor(inline=text),
    )


COMPLETING = inline_import(1)
DENIED = replace(inline_import(2), authorization=f"Bearer {VIEWER_TOKEN}")
UNREACHABLE = replace(inline_import(3), source=SourceDescriptor(uri="file:///data/people.csv"))
KEYLESS = inline_import(4, KEYLESS_CSV)
MIXED = [UNREACHABLE, COMPLETING, DENIED, KEYLESS]


def earlier_completion(command: ImportData) -> ImportFinished:
    return ImportCompleted(
        event_id="11111111-1111-4111-8111-111111111111",
        import_id=command.import_id,
        dataset=command.dataset,
        correlation_id="corr-0",
        rows_read=3,
        rows_imported=3,
        started_at=EARLIER,
        finished_at=EARLIER,
    )


def earlier_failure(command: ImportData) -> ImportFinished:
    return ImportFailed(
        event_id="22222222-2222-4222-8222-222222222222",
        import_id=command.import_id,
        dataset=command.dataset,
        correlation_id="corr-0",
        error=ImportErrorDetail(code="source_not_found", message="no such file"),
        started_at=EARLIER,
        finished_at=EARLIER,
    )


def inline_source() -> CsvRecordSource:
    return CsvRecordSource(openers={}, reader=CsvTabularReader())


def stored_import_ids(uow: InMemoryUnitOfWork) -> set[str]:
    return {record.import_id for record in uow.store.dataset(DATASET).values()}


def ledger(uow: InMemoryUnitOfWork) -> dict[str, str]:
    return {import_id: result.event_type for import_id, result in uow.store.imports.items()}


def event_types(messages: Sequence[OutboundMessage]) -> list[str]:
    return [message.attributes["event_type"] for message in messages]


class ImportBatchFactory(Protocol):
    def __call__(
        self, *, unit_of_work: UnitOfWork | None = None, source: RecordSource | None = None
    ) -> ImportBatchUseCase: ...


class RivalledImportLedger(InMemoryImportLedger):
    def __init__(self, store: InMemoryStore, *, rival: ImportFinished) -> None:
        super().__init__(store)
        self._rival = rival

    def add_all(self, results: Sequence[ImportFinished]) -> list[ImportFinished]:
        self._store.apply(records={}, imports=[self._rival], messages=[], published=[])
        return super().add_all(results)


class RivalledTransaction(InMemoryTransaction):
    """Another worker commits the rival result just before this transaction writes its own."""

    def __init__(self, store: InMemoryStore, *, rival: ImportFinished) -> None:
        self._rival = rival
        super().__init__(store)

    def _begin(self) -> None:
        super()._begin()
        self._imports = RivalledImportLedger(self._store, rival=self._rival)


class UnwritableOutbox(InMemoryOutbox):
    def add(self, messages: Sequence[OutboundMessage]) -> list[PendingMessage]:
        raise DependencyUnavailableError("database unreachable")


class UnwritableOutboxTransaction(InMemoryTransaction):
    def _begin(self) -> None:
        super()._begin()
        self._outbox = UnwritableOutbox(self._store)


class ArrivalTraceContext(TraceContext):
    def current(self) -> Mapping[str, str]:
        return {"traceparent": ARRIVAL.get()}


class ArrivalLogRecorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append((record.getMessage(), ARRIVAL.get()))


def prepared_on_arrival(sut: ImportBatchUseCase, command: ImportData) -> StagedImport:
    arrival = contextvars.Context()
    arrival.run(ARRIVAL.set, command.correlation_id)
    return arrival.run(sut.prepare, command)


def import_batch_factory(
    *,
    uow: InMemoryUnitOfWork,
    ids: SequentialIdGenerator,
    verifier: FakeTokenVerifier,
    hand_over: OutboxHandOver | None = None,
) -> ImportBatchFactory:
    def make(
        *, unit_of_work: UnitOfWork | None = None, source: RecordSource | None = None
    ) -> ImportBatchUseCase:
        return ImportBatchUseCase(
            auth=AuthService(verifier),
            source=source or inline_source(),
            uow=unit_of_work or uow,
            results=ImportResults(
                clock=FixedClock(STARTED_AT, tick=FINISHED_AT - STARTED_AT), ids=ids
            ),
            events=ImportEvents(
                messages=EventMessages(topics=TOPICS, trace=ArrivalTraceContext()),
                clock=FixedClock(AUDITED_AT),
                ids=ids,
            ),
            service=DataImportService(),
            hand_over=hand_over or NoHandOver(),
        )

    return make
