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


@dataclass(frozen=True, slots=True, kw_only=True)
class CacheOutage:
    readiness: HealthAnswer
    result: dict[str, Any]
    errors: float


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"}


@pytest.fixture(scope="module")
def outage(
    running_worker: WorkerProcess, request_publisher: RequestPublisher, event_inbox: EventInbox
) -> CacheOutage:
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
    )


def test_should_complete_an_import_while_the_cache_is_down(outage: CacheOutage) -> None:
    assert outage.result["event_type"] == "ImportCompleted"


def test_should_stay_ready_while_only_the_cache_is_down(outage: CacheOutage) -> None:
    assert outage.readiness.status == 200


def test_should_report_degraded_readiness_with_the_cache_down(outage: CacheOutage) -> None:
    document = outage.readiness.document()

    assert {"status": document["status"], "cache": document["checks"]["cache"]["status"]} == {
        "status": "degraded",
        "cache": "down",
    }


def test_should_count_the_cache_requests_that_failed(outage: CacheOutage) -> None:
    assert outage.errors >= 1.0
