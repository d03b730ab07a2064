from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import LogEvent

ROWS = "id,name\n1,Ada\n2,Grace\n3,Edsger\n"
ROWS_PER_REQUEST = 3
QUIET_SECONDS = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Backlog:
    """Requests of three rows each, one dataset, numbered import ids; the rows inline, unless
    a source says where they are."""

    prefix: str
    size: int
    first: int = 0
    source: Mapping[str, str] | None = None

    @property
    def dataset(self) -> str:
        return self.prefix.replace("-", "_")

    def import_ids(self) -> list[str]:
        return [f"{self.prefix}-{number}" for number in range(self.first, self.first + self.size)]

    def publish(self, publisher: RequestPublisher) -> None:
        for import_id in self.import_ids():
            publisher.publish(self.request(import_id))

    def request(self, import_id: str) -> ImportRequest:
        return ImportRequest(
            import_id=import_id,
            dataset=self.dataset,
            source=self.source or inline_source(ROWS),
            authorization=importer_authorization(),
            correlation_id=f"correlation-{import_id}",
        )

    def expected_records(self) -> dict[str, int]:
        return {import_id: ROWS_PER_REQUEST for import_id in self.import_ids()}

    def once_each(self) -> dict[str, int]:
        return {import_id: 1 for import_id in self.import_ids()}


@dataclass(frozen=True, slots=True, kw_only=True)
class EndState:
    """What downstream and the store hold once a backlog has been answered."""

    import_ids: list[str]
    results: list[ReceivedMessage]
    records: dict[str, int]
    dead_letters: list[ReceivedMessage]

    def logical_results(self) -> dict[str, int]:
        return {key: len(event_ids_for(self.results, key)) for key in self.import_ids}

    def outcomes(self) -> set[str]:
        return {
            str(body["event_type"])
            for key in self.import_ids
            for body in results_for(self.results, key)
        }

    def records_of(self, import_ids: list[str]) -> dict[str, int]:
        return {key: self.records.get(key, 0) for key in import_ids}


def settle(
    backlogs: list[Backlog],
    *,
    inbox: EventInbox,
    schema: PostgresSchema,
    timeout_seconds: float,
) -> EndState:
    import_ids = [key for backlog in backlogs for key in backlog.import_ids()]
    _wait_for_every_result(inbox, import_ids, timeout_seconds)
    records: dict[str, int] = {}
    for dataset in {backlog.dataset for backlog in backlogs}:
        records |= schema.count_records_by_import(dataset)
    return EndState(
        import_ids=import_ids,
        results=inbox.results.collect_for(QUIET_SECONDS),
        records=records,
        dead_letters=inbox.dead_letters.collect_for(QUIET_SECONDS),
    )


def _wait_for_every_result(
    inbox: EventInbox, import_ids: list[str], timeout_seconds: float
) -> None:
    received = inbox.results.wait_until(
        has_results_for(import_ids), timeout_seconds=timeout_seconds
    )
    answered = {str(message.body().get("import_id")) for message in received}
    unanswered = [key for key in import_ids if key not in answered]
    if unanswered:
        raise TimeoutError(f"no result within {timeout_seconds} s for {unanswered}")


def retried_deliveries(events: list[LogEvent]) -> Counter[str]:
    return Counter(
        str(event.get("import_id")) for event in events if event.get("event") == "message.retried"
    )
