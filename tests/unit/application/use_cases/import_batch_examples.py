import contextvars
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Protocol

from adapters.observability.null_import_progress import NullImportProgress
from adapters.persistence.memory.import_ledger import InMemoryImportLedger
from adapters.persistence.memory.outbox import InMemoryOutbox
from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.transaction import InMemoryTransaction
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.ports.import_attempt import ImportAttempt
from application.ports.import_writer import ImportWriter
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_source import RecordSource, SourceDescriptor
from application.ports.trace_context import TraceContext
from application.ports.unit_of_work import UnitOfWork
from application.services.no_hand_over import NoHandOver
from application.use_cases.import_data import ImportData
from domain.events.import_completed import ImportCompleted
from domain.events.import_ended_in_error import ImportEndedInError
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.lifecycle.import_answer import ImportAnswer
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import TRACEPARENT
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    DATASET,
    SETTINGS,
    STARTED_AT,
    TICK,
    VIEWER_TOKEN,
)
from worker.bootstrap import bootstrap
from worker.composition.components import Components
from worker.composition.overrides import Overrides

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


def stored_import_ids(uow: InMemoryUnitOfWork) -> set[str]:
    return {record.import_id for record in uow.store.dataset(DATASET).values()}


def ledger(uow: InMemoryUnitOfWork) -> dict[str, str]:
    return {import_id: result.event_type for import_id, result in uow.store.imports.items()}


def outcome_code(result: ImportFinished) -> str:
    code = result.error.code if isinstance(result, ImportEndedInError) else None
    return f"{result.event_type}:{code}"


def event_types(messages: Sequence[OutboundMessage]) -> list[str]:
    return [message.attributes["event_type"] for message in messages]


class CapturingWriter(ImportWriter):
    """Keeps each attempt, read into memory, for the batch to write later."""

    def __init__(self) -> None:
        self.attempts: list[ImportAttempt] = []

    def write(self, attempt: ImportAttempt) -> ImportAnswer:
        self.attempts.append(attempt.in_hand())
        return ImportAnswer(result=self.attempts[-1].outcome())


class BatchUnderTest:
    """Prepares each request through the import use case, then writes them as one batch."""

    def __init__(self, components: Components) -> None:
        self._recorder = components.worker.recorder
        self._captured = CapturingWriter()
        self._use_case = components.import_data(
            auth=components.auth,
            source=components.message_source,
            writer=self._captured,
            progress=NullImportProgress(),
        )

    def prepare(self, command: ImportData) -> ImportAttempt:
        self._use_case.execute(command)
        return self._captured.attempts.pop()

    def store(self, attempts: Sequence[ImportAttempt]) -> list[ImportFinished]:
        return [answer.result for answer in self._recorder.write_all(attempts)]

    def execute(self, commands: Sequence[ImportData]) -> list[ImportFinished]:
        return self.store([self.prepare(command) for command in commands])


class ImportBatchFactory(Protocol):
    def __call__(
        self, *, unit_of_work: UnitOfWork | None = None, source: RecordSource | None = None
    ) -> BatchUnderTest: ...


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

    def produced(self, parent: Mapping[str, str], destination: str) -> Mapping[str, str]:
        return parent


def prepared_on_arrival(sut: BatchUnderTest, command: ImportData) -> ImportAttempt:
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
    ) -> BatchUnderTest:
        overrides: Overrides = {
            "uow": unit_of_work or uow,
            "publisher": FakeMessagePublisher(),
            "hand_over": hand_over or NoHandOver(),
            "token_verifier": verifier,
            "clock": FixedClock(STARTED_AT, tick=TICK),
            "ids": ids,
            "trace": ArrivalTraceContext(),
        }
        if source is not None:
            overrides["message_source"] = source
        return BatchUnderTest(bootstrap(SETTINGS, **overrides))

    return make
