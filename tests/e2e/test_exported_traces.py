from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.e2e.event_inbox import EventInbox
from tests.e2e.exported_telemetry import (
    BATCHED_IDS,
    STREAMED_ID,
    ExportedImport,
    run_exported_import,
)
from tests.e2e.upstream_tracing import hex_span_id, hex_trace_id
from tests.e2e.worker_process import WorkerProcess
from tools.otlp_receiver.grpc_otlp_receiver import GrpcOtlpReceiver

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def receiver() -> Iterator[GrpcOtlpReceiver]:
    started = GrpcOtlpReceiver().start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def worker_overrides(receiver: GrpcOtlpReceiver) -> Mapping[str, str]:
    return {
        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint,
        "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc",
        "OTEL_BSP_SCHEDULE_DELAY": "100",
        "OTEL_METRIC_EXPORT_INTERVAL": "500",
    }


@pytest.fixture(scope="module")
def exported(
    running_worker: WorkerProcess,
    topology: str,
    allowed_root: Path,
    event_inbox: EventInbox,
    receiver: GrpcOtlpReceiver,
) -> ExportedImport:
    return run_exported_import(topology, allowed_root, event_inbox, receiver.received)


def test_should_continue_the_upstream_publishers_trace(exported: ExportedImport) -> None:
    consumer = exported.consumer(STREAMED_ID)

    assert consumer.parent_span_id == hex_span_id(exported.upstream)


def test_should_keep_one_trace_from_the_upstream_publisher_to_the_downstream_subscriber(
    exported: ExportedImport,
) -> None:
    consumer = exported.consumer(STREAMED_ID)
    store = exported.child(consumer, "store")
    producer = exported.child(consumer, "import-results create")

    trace_ids = {
        hex_trace_id(exported.upstream),
        consumer.trace_id,
        store.trace_id,
        producer.trace_id,
        hex_trace_id(exported.downstream),
    }

    assert trace_ids == {hex_trace_id(exported.upstream)}


@pytest.mark.parametrize(
    "step",
    ["authorize", "store", "import-results create", "audit-events create", "import-results send"],
    ids=["authorize", "store", "result-producer", "audit-producer", "publish"],
)
def test_should_open_each_step_of_a_streamed_import_in_its_message_span(
    exported: ExportedImport, step: str
) -> None:
    consumer = exported.consumer(STREAMED_ID)

    assert exported.child(consumer, step).trace_id == consumer.trace_id


def test_should_read_a_streamed_source_inside_its_store_span(exported: ExportedImport) -> None:
    store = exported.child(exported.consumer(STREAMED_ID), "store")

    assert exported.child(store, "read source").attribute("import_worker.rows.read") == 2


def test_should_let_the_downstream_subscriber_continue_from_the_producer_span(
    exported: ExportedImport,
) -> None:
    producer = exported.child(exported.consumer(STREAMED_ID), "import-results create")

    assert trace_parent(exported) == producer.span_id


def trace_parent(exported: ExportedImport) -> str | None:
    parent = exported.downstream.parent
    return None if parent is None else f"{parent.span_id:016x}"


def test_should_link_each_batched_message_span_from_the_span_of_its_batch(
    exported: ExportedImport,
) -> None:
    linked = {
        link.span_id.hex() for batch in exported.spans("store batch") for link in batch.span.links
    }

    assert {exported.consumer(import_id).span_id for import_id in BATCHED_IDS} <= linked


def test_should_count_the_rows_stored_on_the_store_span(exported: ExportedImport) -> None:
    store = exported.child(exported.consumer(STREAMED_ID), "store")

    assert store.attribute("import_worker.rows.imported") == 2


def test_should_describe_the_consumer_span_with_the_messaging_conventions(
    exported: ExportedImport,
) -> None:
    consumer = exported.consumer(STREAMED_ID)

    assert {
        key: consumer.attribute(key)
        for key in ("messaging.system", "messaging.destination.name", "messaging.operation.type")
    } == {
        "messaging.system": "gcp_pubsub",
        "messaging.destination.name": "import-requests",
        "messaging.operation.type": "process",
    }


def test_should_name_the_service_import_worker(exported: ExportedImport) -> None:
    assert exported.consumer(STREAMED_ID).service_name == "import-worker"
