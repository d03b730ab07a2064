import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import SecretStr

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.outbound_message import OutboundMessage
from application.ports.record_source import RecordSource, SourceDescriptor
from application.services.outcome_messages import EventTopics
from application.use_cases.import_data import ImportData, ImportDataUseCase
from domain.auth.user_identity import UserIdentity
from domain.enums.column_type import ColumnType
from domain.enums.user_role import UserRole
from domain.events.import_finished import ImportFinished
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema
from shared.configuration import Settings
from tests.fakes.sequential_id_generator import SequentialIdGenerator

ImportDataFactory = Callable[[RecordSource], ImportDataUseCase]

DATASET = "people"
IMPORT_ID = "imp-1"
REQUEST_ID = "msg-1"
CORRELATION_ID = "corr-1"
STARTED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
TICK = timedelta(seconds=1)
FINISHED_AT = STARTED_AT + TICK
AUDITED_AT = FINISHED_AT + TICK
HEADER = ("id", "name", "age")
VALID_ROWS = (("1", "Ada", "36"), ("2", "Bob", "40"), ("3", "Cy", ""))
SOURCE = SourceDescriptor(uri="file:///data/people.csv")
TOPICS = EventTopics(results="import-results", audit="audit-events")
SETTINGS = Settings(
    database_url=SecretStr("memory://"),
    import_results_topic=TOPICS.results,
    audit_events_topic=TOPICS.audit,
    google_cloud_project="test-project",
)
IMPORTER_TOKEN = "importer-secret-token"
VIEWER_TOKEN = "viewer-secret-token"
ALICE = UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))
VERA = UserIdentity(subject="vera", roles=frozenset({UserRole.VIEWER}))
IDENTITIES = {IMPORTER_TOKEN: ALICE, VIEWER_TOKEN: VERA}
COMMAND = ImportData(
    request_id=REQUEST_ID,
    import_id=IMPORT_ID,
    dataset=DATASET,
    source=SOURCE,
    schema=ImportSchema(
        columns={
            "id": ColumnSpec(type=ColumnType.INTEGER, required=True),
            "age": ColumnSpec(type=ColumnType.INTEGER),
        },
        key_columns=("id",),
    ),
    correlation_id=CORRELATION_ID,
    authorization=f"Bearer {IMPORTER_TOKEN}",
)


def derived(*parts: str) -> str:
    return SequentialIdGenerator().derive(*parts)


def numbered_rows(count: int) -> Sequence[Sequence[str]]:
    return [(str(number), f"name-{number}", "30") for number in range(1, count + 1)]


def stored_count(uow: InMemoryUnitOfWork) -> int:
    with uow:
        return uow.records.count(DATASET)


def recorded_result(uow: InMemoryUnitOfWork) -> ImportFinished | None:
    with uow:
        return uow.imports.find(IMPORT_ID)


def record_result(uow: InMemoryUnitOfWork, result: ImportFinished) -> None:
    with uow:
        uow.imports.add(result)
        uow.commit()


def outbox_messages(uow: InMemoryUnitOfWork) -> list[OutboundMessage]:
    with uow:
        return [entry.message for entry in uow.outbox.pending(1_000)]


def topics_of(messages: Sequence[OutboundMessage]) -> list[str]:
    return [message.topic for message in messages]


def documents(messages: Sequence[OutboundMessage]) -> list[dict[str, Any]]:
    return [json.loads(message.data) for message in messages]


def audit_documents(messages: Sequence[OutboundMessage]) -> list[dict[str, Any]]:
    return documents([message for message in messages if message.topic == TOPICS.audit])
