from dataclasses import dataclass
from typing import Any

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import (
    has_audits_for,
    has_results_for,
    result_messages_for,
    results_for,
)
from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import LogEvent, WorkerProcess

DATASET = "people"
IMPORT_ID = "completed-people"
UNCORRELATED_IMPORT_ID = "completed-uncorrelated"
CORRELATION_ID = "correlation-completed-e2e"
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{TRACE_ID}-00f067aa0ba902b7-01"
CSV = "id,name,age\n1,Ada,36\n2,Grace,old\n3,Alan,41\n4,Edsger,\n5,Barbara,x\n"
COLUMNS: dict[str, dict[str, Any]] = {
    "id": {"type": "integer", "required": True},
    "age": {"type": "integer"},
}
WAIT_SECONDS = 30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class CompletedOutcome:
    results: list[ReceivedMessage]
    audits: list[ReceivedMessage]
    log: list[LogEvent]

    def result_message(self) -> ReceivedMessage:
        return result_messages_for(self.results, IMPORT_ID)[0]

    def result(self, import_id: str = IMPORT_ID) -> dict[str, Any]:
        return results_for(self.results, import_id)[0]

    def audits_of_import(self) -> list[ReceivedMessage]:
        return [m for m in self.audits if m.body()["resource"]["import_id"] == IMPORT_ID]


def run_completed_scenario(
    worker: WorkerProcess, publisher: RequestPublisher, inbox: EventInbox
) -> CompletedOutcome:
    publisher.publish(_request(IMPORT_ID, correlation_id=CORRELATION_ID))
    publisher.publish(_request(UNCORRELATED_IMPORT_ID, correlation_id=None))
    import_ids = [IMPORT_ID, UNCORRELATED_IMPORT_ID]
    return CompletedOutcome(
        results=inbox.results.wait_until(has_results_for(import_ids), timeout_seconds=WAIT_SECONDS),
        audits=inbox.audits.wait_until(
            has_audits_for(import_ids, each=2), timeout_seconds=WAIT_SECONDS
        ),
        log=worker.log_events(),
    )


def _request(import_id: str, *, correlation_id: str | None) -> ImportRequest:
    return ImportRequest(
        import_id=import_id,
        dataset=DATASET,
        source=inline_source(CSV),
        authorization=importer_authorization(),
        correlation_id=correlation_id,
        traceparent=TRACEPARENT if correlation_id else None,
        key_columns=("id",),
        columns=COLUMNS,
    )
