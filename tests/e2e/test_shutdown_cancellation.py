from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.large_csv import LARGE_DATASET, LargeCsv, large_import_request
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.shutdown_observation import Shutdown, terminate_and_observe
from tests.e2e.standby_subscription import create_standby_subscription
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import LogEvent

pytestmark = pytest.mark.e2e

GRACE_SECONDS = 2.0
EXIT_MARGIN_SECONDS = 5.0
IMPORT_ID = "cancelled-large"
QUIET_SECONDS = 1.0
WAIT_SECONDS = 60.0


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelledOutcome:
    shutdown: Shutdown
    log: list[LogEvent]
    results_after_exit: list[ReceivedMessage]
    records_after_exit: int
    results: list[ReceivedMessage]
    records: int


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {"SHUTDOWN_GRACE_SECONDS": str(GRACE_SECONDS)}


@pytest.fixture(scope="module")
def redelivery_subscription(topology: str) -> dict[str, str]:
    return create_standby_subscription(topology, "import-requests-redelivery")


@pytest.fixture(scope="module")
def cancelled(
    worker_launcher: WorkerLauncher,
    redelivery_subscription: dict[str, str],
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
    large_csv: LargeCsv,
) -> CancelledOutcome:
    worker = worker_launcher.start_ready("cancelling")
    request_publisher.publish(large_import_request(large_csv, import_id=IMPORT_ID))
    worker.wait_until_importing()
    shutdown = terminate_and_observe(worker, timeout_seconds=GRACE_SECONDS + EXIT_MARGIN_SECONDS)
    results_after_exit = event_inbox.results.collect_for(QUIET_SECONDS)
    records_after_exit = e2e_schema.count_records(LARGE_DATASET)
    worker_launcher.start_ready("restarted", overrides=redelivery_subscription)
    return CancelledOutcome(
        shutdown=shutdown,
        log=worker.log_events(),
        results_after_exit=results_after_exit,
        records_after_exit=records_after_exit,
        results=event_inbox.results.wait_until(
            has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS
        ),
        records=e2e_schema.count_records(LARGE_DATASET),
    )


def test_should_exit_0_when_the_grace_period_cuts_an_import_short(
    cancelled: CancelledOutcome,
) -> None:
    assert cancelled.shutdown.exit_code == 0


def test_should_exit_within_a_short_grace_period_and_a_margin(cancelled: CancelledOutcome) -> None:
    assert cancelled.shutdown.seconds_to_exit < GRACE_SECONDS + EXIT_MARGIN_SECONDS


def test_should_answer_readyz_with_503_while_cancelling(cancelled: CancelledOutcome) -> None:
    assert cancelled.shutdown.readiness_while_draining == 503


def test_should_hand_the_cancelled_import_back_for_redelivery(cancelled: CancelledOutcome) -> None:
    retried = [event for event in cancelled.log if event.get("event") == "message.retried"]

    assert [event.get("error_code") for event in retried] == ["import_cancelled"]


def test_should_roll_back_the_rows_of_the_cancelled_import(cancelled: CancelledOutcome) -> None:
    assert cancelled.records_after_exit == 0


def test_should_publish_no_result_for_the_cancelled_import(cancelled: CancelledOutcome) -> None:
    assert results_for(cancelled.results_after_exit, IMPORT_ID) == []


def test_should_complete_the_import_once_after_a_restart(
    cancelled: CancelledOutcome, large_csv: LargeCsv
) -> None:
    assert cancelled.records == large_csv.valid_rows


def test_should_publish_one_logical_result_after_a_restart(cancelled: CancelledOutcome) -> None:
    assert len(event_ids_for(cancelled.results, IMPORT_ID)) == 1
