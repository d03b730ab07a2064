from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.large_csv import LARGE_DATASET, LargeCsv, large_import_request
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import LogEvent, WorkerProcess
from tests.faults.copy_interruption import wait_until_copying
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

IMPORT_ID = "reset-mid-copy"
WAIT_SECONDS = 120.0
QUIET_SECONDS = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class ResetMidCopy:
    results: list[ReceivedMessage]
    dead_letters: list[ReceivedMessage]
    records: int
    events: list[LogEvent]
    still_running: bool

    def result(self) -> dict[str, Any]:
        return results_for(self.results, IMPORT_ID)[0]


@pytest.fixture(scope="module")
def worker_overrides(postgres_proxy: FaultProxy, e2e_schema: PostgresSchema) -> Mapping[str, str]:
    return {
        "DATABASE_URL": e2e_schema.database_url_through(postgres_proxy.port),
        "BREAKER_RESET_SECONDS": "2",
    }


@pytest.fixture(scope="module")
def reset_mid_copy(
    running_worker: WorkerProcess,
    postgres_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
    large_csv: LargeCsv,
) -> ResetMidCopy:
    request_publisher.publish(large_import_request(large_csv, import_id=IMPORT_ID))
    wait_until_copying(postgres_proxy, timeout_seconds=WAIT_SECONDS)
    postgres_proxy.reset()
    event_inbox.results.wait_until(has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS)
    return ResetMidCopy(
        results=event_inbox.results.collect_for(QUIET_SECONDS),
        dead_letters=event_inbox.dead_letters.collect_for(QUIET_SECONDS),
        records=e2e_schema.count_records(LARGE_DATASET),
        events=running_worker.log_events(),
        still_running=running_worker.running(),
    )


def test_should_hand_the_message_back_when_the_connection_resets_mid_copy(
    reset_mid_copy: ResetMidCopy,
) -> None:
    codes = [e["error_code"] for e in reset_mid_copy.events if e.get("event") == "message.retried"]

    assert codes == ["dependency_unavailable"]


def test_should_complete_the_import_after_the_reset(reset_mid_copy: ResetMidCopy) -> None:
    assert reset_mid_copy.result()["event_type"] == "ImportCompleted"


def test_should_store_every_valid_row_once_after_the_reset(
    reset_mid_copy: ResetMidCopy, large_csv: LargeCsv
) -> None:
    assert reset_mid_copy.records == large_csv.valid_rows


def test_should_count_every_row_once_after_the_reset(
    reset_mid_copy: ResetMidCopy, large_csv: LargeCsv
) -> None:
    assert reset_mid_copy.result()["rows_read"] == large_csv.rows


def test_should_publish_one_logical_result_after_the_reset(reset_mid_copy: ResetMidCopy) -> None:
    assert len(event_ids_for(reset_mid_copy.results, IMPORT_ID)) == 1


def test_should_dead_letter_nothing_after_the_reset(reset_mid_copy: ResetMidCopy) -> None:
    assert reset_mid_copy.dead_letters == []


def test_should_keep_running_after_the_reset(reset_mid_copy: ResetMidCopy) -> None:
    assert reset_mid_copy.still_running
