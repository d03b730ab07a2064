import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.messaging.inbound_message import InboundMessage
from adapters.observability.null_import_progress import NullImportProgress
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage
from application.ports.unit_of_work import UnitOfWork
from application.services.auth_service import AuthService
from application.services.event_messages import EventMessages, EventTopics
from application.services.import_events import ImportEvents
from application.services.import_results import ImportResults
from application.use_cases.dead_letter_message import DeadLetterMessageUseCase
from application.use_cases.import_batch import ImportBatchUseCase, StagedImport
from application.use_cases.import_data import ImportDataUseCase
from application.use_cases.relay_outbox import RelayOutboxUseCase
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from domain.events.import_finished import ImportFinished
from domain.service.data_import_service import DataImportService
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.worker.consumer.consumer_doubles import RecordingMessageMetrics, RecordingTracing
from worker.consumer.import_request_handler import ImportRequestHandler
from worker.consumer.streamed_imports import StreamedImports

RESULTS_TOPIC = "import-results"
AUDIT_TOPIC = "audit-events"
DEAD_LETTER_TOPIC = "import-requests-dead-letter"
IMPORTER_TOKEN = "importer-token"
VIEWER_TOKEN = "viewer-token"
IDENTITIES = {
    IMPORTER_TOKEN: UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER})),
    VIEWER_TOKEN: UserIdentity(subject="victor", roles=frozenset({UserRole.VIEWER})),
}
CUSTOMERS_CSV = "id,name,age\n1,Ada,36\n2,Bob,not-a-number\n3,Cy,41\n"
CUSTOMERS_BODY: dict[str, Any] = {
    "import_id": "imp-1",
    "dataset": "customers",
    "source": {"inline": CUSTOMERS_CSV},
    "key_columns": ["id"],
    "columns": {"age": {"type": "integer"}},
}
PUBLISHED_AT = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


def inbound(
    body: dict[str, Any] | bytes = CUSTOMERS_BODY,
    *,
    authorization: str | None = f"Bearer {IMPORTER_TOKEN}",
    message_id: str = "m-1",
    **attributes: str,
) -> InboundMessage:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    granted = {} if authorization is None else {"authorization": authorization}
    return InboundMessage(
        message_id=message_id,
        data=data,
        attributes={**granted, **attributes},
        delivery_attempt=1,
        publish_time=PUBLISHED_AT,
    )


def on_topic(messages: list[OutboundMessage], topic: str) -> list[dict[str, Any]]:
    return [json.loads(message.data) for message in messages if message.topic == topic]


class BatchesOfOne:
    def __init__(self, use_case: ImportBatchUseCase) -> None:
        self._use_case = use_case

    def submit(self, item: StagedImport) -> ImportFinished:
        [result] = self._use_case.store([item])
        return result


@dataclass
class HandlerWorld:
    store_uow: InMemoryUnitOfWork = field(default_factory=InMemoryUnitOfWork)
    publisher: FakeMessagePublisher = field(default_factory=FakeMessagePublisher)
    metrics: RecordingMessageMetrics = field(default_factory=RecordingMessageMetrics)
    tracing: RecordingTracing = field(default_factory=RecordingTracing)
    ids: SequentialIdGenerator = field(default_factory=SequentialIdGenerator)
    stopping: threading.Event = field(default_factory=threading.Event)
    uow: UnitOfWork | None = None
    dead_letter_publisher: MessagePublisher | None = None

    def handler(self) -> ImportRequestHandler:
        uow = self.uow or self.store_uow
        messages = EventMessages(
            topics=EventTopics(results=RESULTS_TOPIC, audit=AUDIT_TOPIC), trace=FakeTraceContext()
        )
        clock = FixedClock(PUBLISHED_AT)
        auth = AuthService(FakeTokenVerifier(IDENTITIES))
        source = CsvRecordSource(openers={}, reader=CsvTabularReader())
        results = ImportResults(clock=clock, ids=self.ids)
        events = ImportEvents(messages=messages, clock=clock, ids=self.ids)
        hand_over = RelayOutboxUseCase(uow=uow, publisher=self.publisher)
        batch = ImportBatchUseCase(
            auth=auth,
            source=source,
            uow=uow,
            results=results,
            events=events,
            service=DataImportService(),
            hand_over=hand_over,
        )
        return ImportRequestHandler(
            streamed=StreamedImports(
                ImportDataUseCase(
                    auth=auth,
                    source=source,
                    uow=uow,
                    results=results,
                    events=events,
                    progress=NullImportProgress(),
                    service=DataImportService(),
                    stopping=self.stopping,
                    hand_over=hand_over,
                ).execute,
                concurrency=1,
            ),
            import_batch=batch,
            batched=BatchesOfOne(batch),
            dead_letter=DeadLetterMessageUseCase(
                publisher=self.dead_letter_publisher or self.publisher,
                dead_letter_topic=DEAD_LETTER_TOPIC,
                messages=messages,
                clock=clock,
                ids=self.ids,
            ),
            ids=self.ids,
            metrics=self.metrics,
            tracing=self.tracing,
        )

    def results(self) -> list[dict[str, Any]]:
        return on_topic(self.publisher.published, RESULTS_TOPIC)

    def audit_types(self) -> list[str]:
        return [event["event_type"] for event in on_topic(self.publisher.published, AUDIT_TOPIC)]

    def record_count(self, dataset: str) -> int:
        with self.store_uow as uow:
            return uow.records.count(dataset)

    def pending_outbox(self) -> list[OutboundMessage]:
        with self.store_uow as uow:
            return [pending.message for pending in uow.outbox.pending(100)]
