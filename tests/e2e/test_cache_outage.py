from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.event_queries import has_results_for, results_for
from tests.e2e.health_client import HealthAnswer
from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess
from tools.pubsub_emulator import free_port

pytestmark = pytest.mark.e2e

IMPORT_ID = "cache-outage-1"
WAIT_SECONDS = 30.0
REDIS_CIRCUIT = 'import_worker_circuit_state{dependency="redis"}'


@dataclass(frozen=True, slots=True, kw_only=True)
class CacheOutage:
    readiness: HealthAnswer
    result: dict[str, Any]
    errors: float
    redis_circuit: float
    pulling: float


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0", "BREAKER_FAILURE_THRESHOLD": "2"}


def circuit_opened(worker: WorkerProcess) -> bool:
    worker.health.request("/readyz")
    return worker.health.metric(REDIS_CIRCUIT) == 2.0


@pytest.fixture(scope="module")
def outage(
    running_worker: WorkerProcess, request_publisher: RequestPublisher, event_inbox: EventInbox
) -> CacheOutage:
    running_worker.wait_until(lambda: circuit_opened(running_worker), timeout_seconds=WAIT_SECONDS)
    request_publisher.publish(
        ImportRequest(
            import_id=IMPORT_ID,
            dataset="cache_outage",
            source=inline_source("id,name\n1,Ada\n"),
            authorization=importer_authorization(),
            correlation_id="correlation-cache-outage",
        )
    )
    results = event_inbox.results.wait_until(
        has_results_for([IMPORT_ID]), timeout_seconds=WAIT_SECONDS
    )
    return CacheOutage(
        readiness=running_worker.health.request("/readyz"),
        result=results_for(results, IMPORT_ID)[0],
        errors=running_worker.health.metric('import_worker_cache_requests_total{result="error"}'),
        redis_circuit=running_worker.health.metric(REDIS_CIRCUIT),
        pulling=running_worker.health.metric("import_worker_pulling"),
    )


def test_should_complete_an_import_while_the_cache_circuit_is_open(outage: CacheOutage) -> None:
    assert outage.result["event_type"] == "ImportCompleted"


def test_should_keep_pulling_while_the_cache_circuit_is_open(outage: CacheOutage) -> None:
    assert outage.pulling == 1.0


def test_should_keep_the_cache_circuit_open_through_the_import(outage: CacheOutage) -> None:
    assert outage.redis_circuit == 2.0


def test_should_stay_ready_while_only_the_cache_is_down(outage: CacheOutage) -> None:
    assert outage.readiness.status == 200


def test_should_report_degraded_readiness_with_the_cache_down(outage: CacheOutage) -> None:
    document = outage.readiness.document()

    assert {"status": document["status"], "cache": document["checks"]["cache"]["status"]} == {
        "status": "degraded",
        "cache": "down",
    }


def test_should_count_the_cache_requests_that_failed_or_were_refused(outage: CacheOutage) -> None:
    assert outage.errors >= 1.0
