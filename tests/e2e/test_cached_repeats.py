import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
import redis

from tests.e2e.event_inbox import EventInbox
from tests.e2e.event_queries import has_results_for, results_for
from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e

IMPORT_ID = "cached-1"
WAIT_SECONDS = 30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class CachedRepeat:
    first: dict[str, Any]
    second: dict[str, Any]
    hits: float


@pytest.fixture(scope="module")
def module_cache_prefix(redis_url: str) -> Iterator[str]:
    prefix = f"e2e-{uuid.uuid4().hex[:16]}:"
    yield prefix
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="module")
def worker_overrides(redis_url: str, module_cache_prefix: str) -> Mapping[str, str]:
    return {"REDIS_URL": redis_url, "CACHE_KEY_PREFIX": module_cache_prefix}


def _request(correlation_id: str) -> ImportRequest:
    return ImportRequest(
        import_id=IMPORT_ID,
        dataset="cached",
        source=inline_source("id,name\n1,Ada\n2,Grace\n"),
        authorization=importer_authorization(),
        correlation_id=correlation_id,
    )


@pytest.fixture(scope="module")
def repeat(
    running_worker: WorkerProcess,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    e2e_schema: PostgresSchema,
) -> CachedRepeat:
    request_publisher.publish(_request("correlation-cached-first"))
    first = event_inbox.results.wait_until(
        has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS
    )
    e2e_schema.drop()
    request_publisher.publish(_request("correlation-cached-second"))
    both = event_inbox.results.wait_until(
        has_results_for([IMPORT_ID], each=2), timeout_seconds=WAIT_SECONDS
    )
    return CachedRepeat(
        first=results_for(first, IMPORT_ID)[0],
        second=results_for(both, IMPORT_ID)[1],
        hits=running_worker.health.metric('import_worker_cache_requests_total{result="hit"}'),
    )


def test_should_answer_a_republished_request_with_the_stored_result_once_the_store_is_gone(
    repeat: CachedRepeat,
) -> None:
    assert repeat.second == repeat.first


def test_should_count_the_republished_request_as_a_cache_hit(repeat: CachedRepeat) -> None:
    assert repeat.hits == 1.0
