from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import has_results_for, results_for, with_correlation
from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e

DATASET = "repeated"
IMPORT_ID = "repeated-1"
FIRST_CORRELATION_ID = "correlation-repeated-first"
SECOND_CORRELATION_ID = "correlation-repeated-second"
WAIT_SECONDS = 30.0
QUIET_SECONDS = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class RepeatedOutcome:
    first: dict[str, Any]
    second: dict[str, Any]
    records_after_first: int
    records_after_second: int
    audits: list[ReceivedMessage]


def _request(correlation_id: str) -> ImportRequest:
    return ImportRequest(
        import_id=IMPORT_ID,
        dataset=DATASET,
        source=inline_source("id,name\n1,Ada\n2,Grace\n3,Alan\n"),
        authorization=importer_authorization(),
        correlation_id=correlation_id,
    )


@pytest.fixture(scope="module")
def repeated(
    running_worker: WorkerProcess,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> RepeatedOutcome:
    request_publisher.publish(_request(FIRST_CORRELATION_ID))
    first = event_inbox.results.wait_until(
        has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS
    )
    records_after_first = e2e_schema.count_records(DATASET)
    request_publisher.publish(_request(SECOND_CORRELATION_ID))
    both = event_inbox.results.wait_until(
        has_results_for([IMPORT_ID], each=2), timeout_seconds=WAIT_SECONDS
    )
    return RepeatedOutcome(
        first=results_for(first, IMPORT_ID)[0],
        second=results_for(both, IMPORT_ID)[1],
        records_after_first=records_after_first,
        records_after_second=e2e_schema.count_records(DATASET),
        audits=event_inbox.audits.collect_for(QUIET_SECONDS),
    )


def test_should_publish_the_stored_result_again_with_the_same_event_id(
    repeated: RepeatedOutcome,
) -> None:
    assert repeated.second["event_id"] == repeated.first["event_id"]


def test_should_publish_the_stored_result_again_unchanged(repeated: RepeatedOutcome) -> None:
    assert repeated.second == repeated.first


def test_should_store_the_records_of_the_first_import(repeated: RepeatedOutcome) -> None:
    assert repeated.records_after_first == 3


def test_should_store_no_more_records_for_the_repeated_import(repeated: RepeatedOutcome) -> None:
    assert repeated.records_after_second == 3


def test_should_audit_nothing_for_the_repeated_request(repeated: RepeatedOutcome) -> None:
    assert with_correlation(repeated.audits, SECOND_CORRELATION_ID) == []


def test_should_have_audited_the_first_request(repeated: RepeatedOutcome) -> None:
    audits = with_correlation(repeated.audits, FIRST_CORRELATION_ID)

    assert sorted(message.body()["event_type"] for message in audits) == [
        "import.completed",
        "import.requested",
    ]
