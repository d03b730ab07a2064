from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.deploy.contract_names import CONTRACT_METRICS
from tests.e2e.event_inbox import EventInbox
from tests.e2e.exported_telemetry import ExportedImport, latest_points, run_exported_import
from tests.e2e.worker_process import WorkerProcess
from tests.support.promtool import promtool
from tools.otlp_receiver.http_otlp_receiver import HttpOtlpReceiver

pytestmark = pytest.mark.e2e

IMPORTS = 4


@pytest.fixture(scope="module")
def receiver() -> Iterator[HttpOtlpReceiver]:
    started = HttpOtlpReceiver().start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def worker_overrides(receiver: HttpOtlpReceiver) -> Mapping[str, str]:
    return {
        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint,
        "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
        "OTEL_BSP_SCHEDULE_DELAY": "100",
        "OTEL_METRIC_EXPORT_INTERVAL": "500",
    }


@pytest.fixture(scope="module")
def exported(
    running_worker: WorkerProcess,
    topology: str,
    allowed_root: Path,
    event_inbox: EventInbox,
    receiver: HttpOtlpReceiver,
) -> ExportedImport:
    exported = run_exported_import(topology, allowed_root, event_inbox, receiver.received)
    receiver.received.wait_for(
        lambda received: latest_points(received, "import_worker_messages").get(
            "outcome=completed", 0
        )
        >= IMPORTS,
        30.0,
    )
    return exported


def test_should_export_spans_over_http_too(exported: ExportedImport) -> None:
    assert exported.spans("import-requests process") != []


def test_should_count_the_completed_messages(exported: ExportedImport) -> None:
    points = latest_points(exported.received, "import_worker_messages")

    assert points["outcome=completed"] == IMPORTS


def test_should_export_every_outcome_from_the_start(exported: ExportedImport) -> None:
    points = latest_points(exported.received, "import_worker_messages")

    assert sorted(points) == [
        "outcome=completed",
        "outcome=dead_lettered",
        "outcome=failed",
        "outcome=rejected",
        "outcome=repeated",
        "outcome=retried",
    ]


def test_should_observe_the_duration_of_every_message(exported: ExportedImport) -> None:
    points = latest_points(exported.received, "import_worker_import_duration_seconds")

    assert points == {"": IMPORTS}


def test_should_count_the_rows_imported(exported: ExportedImport) -> None:
    points = latest_points(exported.received, "import_worker_rows_imported")

    assert points == {"": 2 * IMPORTS}


def test_should_export_the_state_of_every_circuit_breaker(exported: ExportedImport) -> None:
    points = latest_points(exported.received, "import_worker_circuit_state")

    assert len(points) == 9


def test_should_export_that_the_worker_pulls(exported: ExportedImport) -> None:
    points = latest_points(exported.received, "import_worker_pulling")

    assert points == {"": 1.0}


def test_should_export_the_outbox_backlog(exported: ExportedImport) -> None:
    names = {metric.name for metric in exported.received.metrics()}

    assert {"import_worker_outbox_pending", "import_worker_outbox_oldest_age_seconds"} <= names


def test_should_serve_a_metrics_page_promtool_accepts(
    exported: ExportedImport, running_worker: WorkerProcess
) -> None:
    page = running_worker.health.request("/metrics").body

    assert promtool("check", "metrics", stdin=page).returncode == 0


def test_should_serve_every_contract_metric_on_the_metrics_page(
    exported: ExportedImport, running_worker: WorkerProcess
) -> None:
    page = running_worker.health.request("/metrics").text()

    assert {name for name in CONTRACT_METRICS if name not in page} == set()
