from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.event_queries import has_results_for
from tests.e2e.health_client import HealthAnswer
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess
from tests.faults.backlog import Backlog, EndState, settle
from tests.faults.redis_phases import CACHE_HITS, CLOSED, OPEN, wait_for_redis_circuit
from tools.fault_proxy import FaultProxy

pytestmark = pytest.mark.faults

CACHED = Backlog(prefix="redis-cached", size=10)
WHILE_DOWN = Backlog(prefix="redis-down", size=20)
WHILE_SLOW = Backlog(prefix="redis-slow", size=20)
SLOW_REDIS_SECONDS = 1.0
WAIT_SECONDS = 60.0


@dataclass(frozen=True, slots=True, kw_only=True)
class RedisOutage:
    down_readiness: HealthAnswer
    down_pulling: float
    slow_readiness: HealthAnswer
    back_readiness: HealthAnswer
    end: EndState
    hits_after: float
    hits_before: float
    still_running: bool


@pytest.fixture(scope="module")
def worker_overrides(proxied_cache: Mapping[str, str]) -> Mapping[str, str]:
    return {**proxied_cache, "BREAKER_RESET_SECONDS": "2"}


def _answered(backlog: Backlog, inbox: EventInbox, each: int = 1) -> None:
    inbox.results.wait_until(
        has_results_for(backlog.import_ids(), each=each), timeout_seconds=WAIT_SECONDS
    )


@pytest.fixture(scope="module")
def outage(
    running_worker: WorkerProcess,
    redis_proxy: FaultProxy,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> RedisOutage:
    CACHED.publish(request_publisher)
    _answered(CACHED, event_inbox)
    redis_proxy.refuse()
    redis_proxy.reset()
    WHILE_DOWN.publish(request_publisher)
    wait_for_redis_circuit(running_worker, OPEN, WAIT_SECONDS)
    _answered(WHILE_DOWN, event_inbox)
    down_readiness = running_worker.health.request("/readyz")
    down_pulling = running_worker.health.metric("import_worker_pulling")
    redis_proxy.restore()
    wait_for_redis_circuit(running_worker, CLOSED, WAIT_SECONDS)
    redis_proxy.delay(SLOW_REDIS_SECONDS)
    WHILE_SLOW.publish(request_publisher)
    _answered(WHILE_SLOW, event_inbox)
    wait_for_redis_circuit(running_worker, OPEN, WAIT_SECONDS)
    slow_readiness = running_worker.health.request("/readyz")
    redis_proxy.restore()
    wait_for_redis_circuit(running_worker, CLOSED, WAIT_SECONDS)
    hits_before = running_worker.health.metric(CACHE_HITS)
    CACHED.publish(request_publisher)
    _answered(CACHED, event_inbox, each=2)
    return RedisOutage(
        down_readiness=down_readiness,
        down_pulling=down_pulling,
        slow_readiness=slow_readiness,
        back_readiness=running_worker.health.request("/readyz"),
        end=settle(
            [CACHED, WHILE_DOWN, WHILE_SLOW],
            inbox=event_inbox,
            schema=e2e_schema,
            timeout_seconds=WAIT_SECONDS,
        ),
        hits_after=running_worker.health.metric(CACHE_HITS),
        hits_before=hits_before,
        still_running=running_worker.running(),
    )


def test_should_answer_readyz_degraded_while_redis_is_down(outage: RedisOutage) -> None:
    assert outage.down_readiness.document()["status"] == "degraded"


def test_should_name_the_cache_down_while_redis_is_down(outage: RedisOutage) -> None:
    assert outage.down_readiness.document()["checks"]["cache"]["status"] == "down"


def test_should_keep_pulling_while_redis_is_down(outage: RedisOutage) -> None:
    assert outage.down_pulling == 1.0


def test_should_answer_readyz_degraded_while_redis_is_slow(outage: RedisOutage) -> None:
    assert outage.slow_readiness.document()["status"] == "degraded"


def test_should_answer_readyz_ready_once_redis_is_back(outage: RedisOutage) -> None:
    assert outage.back_readiness.document()["status"] == "up"


def test_should_complete_every_request_whatever_redis_did(outage: RedisOutage) -> None:
    assert outage.end.outcomes() == {"ImportCompleted"}


def test_should_publish_one_logical_result_per_request(outage: RedisOutage) -> None:
    assert outage.end.logical_results() == {
        **CACHED.once_each(),
        **WHILE_DOWN.once_each(),
        **WHILE_SLOW.once_each(),
    }


def test_should_store_every_record_once(outage: RedisOutage) -> None:
    assert outage.end.records == {
        **CACHED.expected_records(),
        **WHILE_DOWN.expected_records(),
        **WHILE_SLOW.expected_records(),
    }


def test_should_answer_the_repeats_from_the_cache_once_redis_is_back(outage: RedisOutage) -> None:
    assert outage.hits_after - outage.hits_before == CACHED.size


def test_should_keep_running_through_the_redis_outage(outage: RedisOutage) -> None:
    assert outage.still_running
