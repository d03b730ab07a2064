from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.standby_subscription import create_plain_subscription
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import WorkerProcess
from tests.faults.backlog import Backlog, EndState, settle
from tests.faults.poison_batch import poison_request, publish_with_poison_in_the_middle
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BACKLOG = Backlog(prefix="poisoned-killed", size=19)
POISON = poison_request(BACKLOG)
WAIT_SECONDS = 180.0


@dataclass(frozen=True, slots=True, kw_only=True)
class KilledMidBatch:
    end: EndState
    poison_results: list[dict[str, Any]]
    poison_event_ids: set[str]


@pytest.fixture(scope="module")
def worker_overrides(
    postgres_proxy: FaultProxy, e2e_schema: PostgresSchema, topology: str
) -> Mapping[str, str]:
    return {
        "DATABASE_URL": e2e_schema.database_url_through(postgres_proxy.port),
        "PUBSUB_MAX_LEASE_EXTENSION_SECONDS": "10",
        **create_plain_subscription(topology, "import-requests-poisoned-killed"),
    }


@pytest.fixture(scope="module")
def killed(
    worker_launcher: WorkerLauncher,
    running_worker: WorkerProcess,
    postgres_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> KilledMidBatch:
    postgres_proxy.hold_half_open()
    publish_with_poison_in_the_middle(BACKLOG, request_publisher)
    running_worker.wait_until_importing()
    running_worker.kill()
    postgres_proxy.reset()
    postgres_proxy.restore()
    worker_launcher.start_ready("replacement")
    event_inbox.results.wait_until(
        has_results_for([POISON.import_id]), timeout_seconds=WAIT_SECONDS
    )
    end = settle([BACKLOG], inbox=event_inbox, schema=e2e_schema, timeout_seconds=WAIT_SECONDS)
    return KilledMidBatch(
        end=end,
        poison_results=results_for(end.results, POISON.import_id),
        poison_event_ids=event_ids_for(end.results, POISON.import_id),
    )


def test_should_fail_the_poison_alone_after_a_kill_mid_batch(killed: KilledMidBatch) -> None:
    assert {result["error"]["code"] for result in killed.poison_results} == {"unstorable_row"}


def test_should_answer_the_poison_once_after_a_kill_mid_batch(killed: KilledMidBatch) -> None:
    assert len(killed.poison_event_ids) == 1


def test_should_complete_every_other_request_after_a_kill_mid_batch(killed: KilledMidBatch) -> None:
    assert killed.end.outcomes() == {"ImportCompleted"}


def test_should_answer_every_other_request_once_after_a_kill_mid_batch(
    killed: KilledMidBatch,
) -> None:
    assert killed.end.logical_results() == BACKLOG.once_each()


def test_should_store_every_other_request_once_after_a_kill_mid_batch(
    killed: KilledMidBatch,
) -> None:
    assert killed.end.records_of(BACKLOG.import_ids()) == BACKLOG.expected_records()
