import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import SecretStr

from adapters.messaging.inbound_message import InboundMessage
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.cache import Cache
from application.ports.outbound_message import OutboundMessage
from application.ports.unit_of_work import UnitOfWork
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from shared.configuration import Settings
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.worker.consumer.consumer_doubles import RecordingMessageMetrics, RecordingTracing
from worker.bootstrap import bootstrap
from worker.composition.components import Components
from worker.composition.overrides import Overrides
from worker.consumer.import_request_handler import ImportRequestHandler
from worker.consumer.stopping_progress import StoppingProgress

RESULTS_TOPIC = "import-results"
AUDIT_TOPIC = "audit-events"
DEAD_LETTER_TOPIC = "import-requests-dead-letter"
SETTINGS = Settings(
    database_url=SecretStr("memory://"),
    google_cloud_project="test-project",
    import_results_topic=RESULTS_TOPIC,
    audit_events_topic=AUDIT_TOPIC,
    dead_letter_topic=DEAD_LETTER_TOPIC,
    import_streamed_concurrency=1,
)
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


@dataclass
class HandlerWorld:
    store_uow: InMemoryUnitOfWork = field(default_factory=InMemoryUnitOfWork)
    publisher: FakeMessagePublisher = field(default_factory=FakeMessagePublisher)
    metrics: RecordingMessageMetrics = field(default_factory=RecordingMessageMetrics)
    tracing: RecordingTracing = field(default_factory=RecordingTracing)
    ids: SequentialIdGenerator = field(default_factory=SequentialIdGenerator)
    stopping: threading.Event = field(default_factory=threading.Event)
    uow: UnitOfWork | None = None
    cache: Cache | None = None
    built: list[Components] = field(default_factory=list)

    def handler(self) -> ImportRequestHandler:
        return self.components().worker.handler

    def components(self) -> Components:
        overrides: Overrides = {
            "uow": self.uow or self.store_uow,
            "publisher": self.publisher,
            "token_verifier": FakeTokenVerifier(IDENTITIES),
            "progress": StoppingProgress(self.stopping),
            "clock": FixedClock(PUBLISHED_AT),
            "ids": self.ids,
            "trace": FakeTraceContext(),
            "metrics": self.metrics,
            "tracing": self.tracing,
        }
        if self.cache is not None:
            overrides["cache"] = self.cache
        components = bootstrap(SETTINGS, **overrides)
        self.built.append(components)
        return components

    def close(self) -> None:
        for components in self.built:
            components.close()

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
