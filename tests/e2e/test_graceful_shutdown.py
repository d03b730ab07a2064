from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.large_csv import LARGE_DATASET, LargeCsv, large_import_request
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.shutdown_observation import Shutdown, terminate_and_observe
from tests.e2e.worker_launcher import WorkerLauncher

pytestmark = pytest.mark.e2e

GRACE_SECONDS = 30.0
EXIT_MARGIN_SECONDS = 10.0
IMPORT_ID = "drained-large"
WAIT_SECONDS = 30.0
QUIET_SECONDS = 3.0


@dataclass(frozen=True, slots=True, kw_only=True)
class DrainedOutcome:
    shutdown: Shutdown
    published_before_restart: list[ReceivedMessage]
    results: list[ReceivedMessage]
    records: int

    def first_result(self) -> dict[str, Any]:
        return results_for(self.published_before_restart, IMPORT_ID)[0]


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {"SHUTDOWN_GRACE_SECONDS": str(GRACE_SECONDS)}


@pytest.fixture(scope="module")
def drained(
    worker_launcher: WorkerLauncher,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
    large_csv: LargeCsv,
) -> DrainedOutcome:
    worker = worker_launcher.start_ready("draining")
    request_publisher.publish(large_import_request(large_csv, import_id=IMPORT_ID))
    worker.wait_until_importing()
    shutdown = terminate_and_observe(worker, timeout_seconds=GRACE_SECONDS + EXIT_MARGIN_SECONDS)
    published = event_inbox.results.wait_until(
        has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS
    )
    worker_launcher.start_ready("restarted")
    return DrainedOutcome(
        shutdown=shutdown,
        published_before_restart=published,
        results=event_inbox.results.collect_for(QUIET_SECONDS),
        records=e2e_schema.count_records(LARGE_DATASET),
    )


def test_should_exit_0_after_sigterm(drained: DrainedOutcome) -> None:
    assert drained.shutdown.exit_code == 0


def test_should_exit_within_the_grace_period_and_a_margin(drained: DrainedOutcome) -> None:
    assert drained.shutdown.seconds_to_exit < GRACE_SECONDS + EXIT_MARGIN_SECONDS


def test_should_answer_readyz_with_503_while_draining(drained: DrainedOutcome) -> None:
    assert drained.shutdown.readiness_while_draining == 503


def test_should_complete_the_in_flight_import_before_exiting(drained: DrainedOutcome) -> None:
    assert drained.first_result()["event_type"] == "ImportCompleted"


def test_should_finish_the_in_flight_import_after_sigterm_arrived(
    drained: DrainedOutcome,
) -> None:
    finished_at = datetime.fromisoformat(drained.first_result()["finished_at"])

    assert finished_at.timestamp() > drained.shutdown.sigterm_at


def test_should_store_every_valid_row_once_after_the_restart(
    drained: DrainedOutcome, large_csv: LargeCsv
) -> None:
    assert drained.records == large_csv.valid_rows


def test_should_count_every_valid_row_as_imported(
    drained: DrainedOutcome, large_csv: LargeCsv
) -> None:
    assert drained.first_result()["rows_imported"] == large_csv.valid_rows


def test_should_keep_one_logical_result_after_the_restart(drained: DrainedOutcome) -> None:
    assert len(event_ids_for(drained.results, IMPORT_ID)) == 1
