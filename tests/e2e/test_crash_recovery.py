import time
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.large_csv import LARGE_DATASET, LargeCsv, large_import_request
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_standby_subscription
from tests.e2e.worker_launcher import WorkerLauncher

pytestmark = pytest.mark.e2e

IMPORT_ID = "crashed-large"
KILL_AFTER_IMPORTING_SECONDS = 1.5
WAIT_SECONDS = 60.0
QUIET_SECONDS = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class StandbySubscriptions:
    recovery: dict[str, str]
    redelivery: dict[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class RecoveredOutcome:
    results_after_kill: list[ReceivedMessage]
    records_after_kill: int
    results: list[ReceivedMessage]
    records: int

    def result(self) -> dict[str, Any]:
        return results_for(self.results, IMPORT_ID)[0]


@pytest.fixture(scope="module")
def standby_subscriptions(topology: str) -> StandbySubscriptions:
    return StandbySubscriptions(
        recovery=create_standby_subscription(topology, "import-requests-recovery"),
        redelivery=create_standby_subscription(topology, "import-requests-redelivery"),
    )


@pytest.fixture(scope="module")
def recovered(
    worker_launcher: WorkerLauncher,
    standby_subscriptions: StandbySubscriptions,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
    large_csv: LargeCsv,
) -> RecoveredOutcome:
    crashing = worker_launcher.start_ready("crashing")
    request_publisher.publish(large_import_request(large_csv, import_id=IMPORT_ID))
    crashing.wait_until_importing()
    time.sleep(KILL_AFTER_IMPORTING_SECONDS)
    crashing.kill()
    results_after_kill = event_inbox.results.collect_for(QUIET_SECONDS)
    records_after_kill = e2e_schema.count_records(LARGE_DATASET)
    worker_launcher.start_ready("recovering", overrides=standby_subscriptions.recovery)
    event_inbox.results.wait_until(has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS)
    records = e2e_schema.count_records(LARGE_DATASET)
    worker_launcher.start_ready("redelivering", overrides=standby_subscriptions.redelivery)
    return RecoveredOutcome(
        results_after_kill=results_after_kill,
        records_after_kill=records_after_kill,
        results=event_inbox.results.wait_until(
            has_results_for([IMPORT_ID], each=2), timeout_seconds=WAIT_SECONDS
        ),
        records=records,
    )


def test_should_publish_no_result_from_the_killed_worker(recovered: RecoveredOutcome) -> None:
    assert results_for(recovered.results_after_kill, IMPORT_ID) == []


def test_should_leave_no_rows_of_the_killed_import(recovered: RecoveredOutcome) -> None:
    assert recovered.records_after_kill == 0


def test_should_complete_the_import_after_the_restart(recovered: RecoveredOutcome) -> None:
    assert recovered.result()["event_type"] == "ImportCompleted"


def test_should_store_every_valid_row_exactly_once(
    recovered: RecoveredOutcome, large_csv: LargeCsv
) -> None:
    assert recovered.records == large_csv.valid_rows


def test_should_count_every_row_once_in_the_result(
    recovered: RecoveredOutcome, large_csv: LargeCsv
) -> None:
    result = recovered.result()

    counts = {key: result[key] for key in ("rows_read", "rows_imported", "rows_rejected")}

    assert counts == {
        "rows_read": large_csv.rows,
        "rows_imported": large_csv.valid_rows,
        "rows_rejected": large_csv.rows - large_csv.valid_rows,
    }


def test_should_deliver_the_result_again_when_the_message_is_redelivered(
    recovered: RecoveredOutcome,
) -> None:
    assert len(results_for(recovered.results, IMPORT_ID)) >= 2


def test_should_keep_one_logical_result_across_deliveries(recovered: RecoveredOutcome) -> None:
    assert len(event_ids_for(recovered.results, IMPORT_ID)) == 1
