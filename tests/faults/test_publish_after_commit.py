from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import has_results_for, results_for
from tests.e2e.health_client import HealthAnswer
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess
from tests.faults.backlog import Backlog
from tests.faults.results_topic import ResultsTopic
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

BACKLOG = Backlog(prefix="publish-after-commit", size=5)
WAIT_SECONDS = 60.0
QUIET_SECONDS = 3.0


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishAfterCommit:
    records_before_delivery: dict[str, int]
    readiness: HealthAnswer
    results: list[ReceivedMessage]
    dead_letters: list[ReceivedMessage]
    still_running: bool

    def deliveries(self) -> dict[str, int]:
        counted = Counter(
            str(body["import_id"]) for body in map(ReceivedMessage.body, self.results)
        )
        return {import_id: counted[import_id] for import_id in BACKLOG.import_ids()}

    def outcomes(self) -> set[str]:
        return {
            str(body["event_type"])
            for key in BACKLOG.import_ids()
            for body in results_for(self.results, key)
        }


@pytest.fixture(scope="module")
def worker_overrides(emulator_proxy: FaultProxy) -> Mapping[str, str]:
    return {"PUBSUB_EMULATOR_HOST": emulator_proxy.address(), "BREAKER_RESET_SECONDS": "2"}


@pytest.fixture(scope="module")
def results_topic(topology: str) -> Iterator[ResultsTopic]:
    topic = ResultsTopic(topology)
    yield topic
    topic.close()


@pytest.fixture(scope="module")
def published_late(
    running_worker: WorkerProcess,
    emulator_proxy: FaultProxy,
    results_topic: ResultsTopic,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> PublishAfterCommit:
    results_topic.delete()
    BACKLOG.publish(request_publisher)
    running_worker.wait_until(
        lambda: e2e_schema.count_records_by_import(BACKLOG.dataset) == BACKLOG.expected_records(),
        timeout_seconds=WAIT_SECONDS,
    )
    readiness = running_worker.health.first_answer(
        "/readyz", status=503, timeout_seconds=WAIT_SECONDS
    )
    emulator_proxy.hold_half_open()
    inbox = results_topic.recreate_with_inbox("results-after-recreation")
    emulator_proxy.restore()
    inbox.wait_until(has_results_for(BACKLOG.import_ids()), timeout_seconds=WAIT_SECONDS)
    return PublishAfterCommit(
        records_before_delivery=e2e_schema.count_records_by_import(BACKLOG.dataset),
        readiness=readiness,
        results=inbox.collect_for(QUIET_SECONDS),
        dead_letters=event_inbox.dead_letters.collect_for(QUIET_SECONDS),
        still_running=running_worker.running(),
    )


def test_should_answer_readyz_with_503_while_results_cannot_be_published(
    published_late: PublishAfterCommit,
) -> None:
    assert published_late.readiness.status == 503


def test_should_name_pubsub_down_while_results_cannot_be_published(
    published_late: PublishAfterCommit,
) -> None:
    assert published_late.readiness.document()["checks"]["pubsub"]["status"] == "down"


def test_should_deliver_each_result_once_when_publishing_works_again(
    published_late: PublishAfterCommit,
) -> None:
    assert published_late.deliveries() == BACKLOG.once_each()


def test_should_deliver_completed_results_from_the_outbox(
    published_late: PublishAfterCommit,
) -> None:
    assert published_late.outcomes() == {"ImportCompleted"}


def test_should_keep_the_records_committed_before_the_results_went_out(
    published_late: PublishAfterCommit,
) -> None:
    assert published_late.records_before_delivery == BACKLOG.expected_records()


def test_should_dead_letter_nothing_while_results_cannot_be_published(
    published_late: PublishAfterCommit,
) -> None:
    assert published_late.dead_letters == []


def test_should_keep_running_while_results_cannot_be_published(
    published_late: PublishAfterCommit,
) -> None:
    assert published_late.still_running
