from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import ReceivedMessage
from tests.e2e.event_queries import event_ids_for, has_results_for, results_for
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import WorkerProcess
from tests.faults.backlog import Backlog
from tests.faults.results_topic import ResultsTopic

pytestmark = pytest.mark.faults

BACKLOG = Backlog(prefix="publish-killed", size=5)
WAIT_SECONDS = 60.0
QUIET_SECONDS = 3.0


@dataclass(frozen=True, slots=True, kw_only=True)
class KilledBeforePublishing:
    results: list[ReceivedMessage]
    records: dict[str, int]

    def logical_results(self) -> dict[str, int]:
        return {key: len(event_ids_for(self.results, key)) for key in BACKLOG.import_ids()}

    def outcomes(self) -> set[str]:
        return {
            str(body["event_type"])
            for key in BACKLOG.import_ids()
            for body in results_for(self.results, key)
        }


@pytest.fixture(scope="module")
def results_topic(topology: str) -> Iterator[ResultsTopic]:
    topic = ResultsTopic(topology)
    yield topic
    topic.close()


@pytest.fixture(scope="module")
def killed(
    worker_launcher: WorkerLauncher,
    running_worker: WorkerProcess,
    results_topic: ResultsTopic,
    request_publisher: RequestPublisher,
    e2e_schema: PostgresSchema,
) -> KilledBeforePublishing:
    results_topic.delete()
    BACKLOG.publish(request_publisher)
    running_worker.wait_until(
        lambda: e2e_schema.count_records_by_import(BACKLOG.dataset) == BACKLOG.expected_records(),
        timeout_seconds=WAIT_SECONDS,
    )
    running_worker.kill()
    inbox = results_topic.recreate_with_inbox("results-after-kill")
    worker_launcher.start_ready("replacement")
    inbox.wait_until(has_results_for(BACKLOG.import_ids()), timeout_seconds=WAIT_SECONDS)
    return KilledBeforePublishing(
        results=inbox.collect_for(QUIET_SECONDS),
        records=e2e_schema.count_records_by_import(BACKLOG.dataset),
    )


def test_should_deliver_the_killed_workers_results_from_the_outbox(
    killed: KilledBeforePublishing,
) -> None:
    assert killed.logical_results() == BACKLOG.once_each()


def test_should_deliver_completed_results_after_the_kill(killed: KilledBeforePublishing) -> None:
    assert killed.outcomes() == {"ImportCompleted"}


def test_should_keep_every_record_once_after_the_kill(killed: KilledBeforePublishing) -> None:
    assert killed.records == BACKLOG.expected_records()
