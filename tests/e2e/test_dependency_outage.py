from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import results_for
from tests.e2e.health_client import HealthAnswer
from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import LogEvent

pytestmark = pytest.mark.e2e

UNREACHABLE_DATABASE_URL = "postgresql://postgres@127.0.0.1:1/test?connect_timeout=2"
CORRELATION_ID = "correlation-outage"
IMPORT_ID = "outage-1"
RETRIES_OBSERVED = 1
WAIT_SECONDS = 20.0
QUIET_SECONDS = 3.0


@dataclass(frozen=True, slots=True, kw_only=True)
class OutageOutcome:
    retries: list[LogEvent]
    results: list[ReceivedMessage]
    readiness: HealthAnswer
    liveness: HealthAnswer


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {"DATABASE_URL": UNREACHABLE_DATABASE_URL}


def _retries(events: list[LogEvent]) -> list[LogEvent]:
    return [
        event
        for event in events
        if event.get("event") == "message.retried" and event.get("correlation_id") == CORRELATION_ID
    ]


@pytest.fixture(scope="module")
def outage(
    worker_launcher: WorkerLauncher, request_publisher: RequestPublisher, event_inbox: EventInbox
) -> OutageOutcome:
    worker = worker_launcher.start_ready("unreachable-database", probe_path="/livez")
    request_publisher.publish(
        ImportRequest(
            import_id=IMPORT_ID,
            dataset="outage",
            source=inline_source("id\n1\n"),
            authorization=importer_authorization(),
            correlation_id=CORRELATION_ID,
        )
    )
    events = worker.wait_for_log(
        lambda events: len(_retries(events)) >= RETRIES_OBSERVED, timeout_seconds=WAIT_SECONDS
    )
    return OutageOutcome(
        retries=_retries(events),
        results=event_inbox.results.collect_for(QUIET_SECONDS),
        readiness=worker.health.request("/readyz"),
        liveness=worker.health.request("/livez"),
    )


def test_should_hand_the_message_back_while_the_database_is_unreachable(
    outage: OutageOutcome,
) -> None:
    codes = {event["error_code"] for event in outage.retries}

    assert codes == {"dependency_unavailable"}


def test_should_publish_no_result_while_the_database_is_unreachable(
    outage: OutageOutcome,
) -> None:
    assert results_for(outage.results, IMPORT_ID) == []


def test_should_answer_readyz_with_503_while_the_database_is_unreachable(
    outage: OutageOutcome,
) -> None:
    assert outage.readiness.status == 503


def test_should_report_the_repository_down_while_the_database_is_unreachable(
    outage: OutageOutcome,
) -> None:
    checks: dict[str, Any] = outage.readiness.document()["checks"]

    assert checks["repository"]["status"] == "down"


def test_should_stay_live_while_the_database_is_unreachable(outage: OutageOutcome) -> None:
    assert outage.liveness.status == 200
