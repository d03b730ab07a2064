from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.large_csv import LARGE_DATASET, LargeCsv, large_import_request
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import WorkerProcess
from tests.faults.copy_interruption import wait_until_copying
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

IMPORT_ID = "reset-mid-copy-killed"
WAIT_SECONDS = 180.0
QUIET_SECONDS = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class KilledAfterReset:
    records_after_kill: int
    results: list[ReceivedMessage]
    records: int

    def result(self) -> dict[str, Any]:
        return results_for(self.results, IMPORT_ID)[0]


@pytest.fixture(scope="module")
def worker_overrides(
    postgres_proxy: FaultProxy, e2e_schema: PostgresSchema, topology: str
) -> Mapping[str, str]:
    return {
        "DATABASE_URL": e2e_schema.database_url_through(postgres_proxy.port),
        "BREAKER_RESET_SECONDS": "2",
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-reset-killed"),
    }


@pytest.fixture(scope="module")
def killed(
    worker_launcher: WorkerLauncher,
    running_worker: WorkerProcess,
    postgres_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
    large_csv: LargeCsv,
) -> KilledAfterReset:
    request_publisher.publish(large_import_request(large_csv, import_id=IMPORT_ID))
    wait_until_copying(postgres_proxy, timeout_seconds=WAIT_SECONDS)
    postgres_proxy.reset()
    running_worker.kill()
    records_after_kill = e2e_schema.count_records(LARGE_DATASET)
    worker_launcher.start_ready("replacement")
    event_inbox.results.wait_until(has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS)
    return KilledAfterReset(
        records_after_kill=records_after_kill,
        results=event_inbox.results.collect_for(QUIET_SECONDS),
        records=e2e_schema.count_records(LARGE_DATASET),
    )


def test_should_leave_no_rows_of_the_interrupted_copy(killed: KilledAfterReset) -> None:
    assert killed.records_after_kill == 0


def test_should_complete_the_import_in_the_replacement(killed: KilledAfterReset) -> None:
    assert killed.result()["event_type"] == "ImportCompleted"


def test_should_store_every_valid_row_once_after_the_kill(
    killed: KilledAfterReset, large_csv: LargeCsv
) -> None:
    assert killed.records == large_csv.valid_rows


def test_should_publish_one_logical_result_after_the_kill(killed: KilledAfterReset) -> None:
    assert len(event_ids_for(killed.results, IMPORT_ID)) == 1
