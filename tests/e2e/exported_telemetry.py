from dataclasses import dataclass
from typing import Any
from pathlib import Path

from google.cloud import pubsub_v1
from google.cloud.pubsub_v1.types import PublisherOptions
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from tests.e2e.event_inbox import EventInbox
from tests.e2e.event_queries import has_results_for, result_messages_for
from tests.e2e.import_request import (
    ImportRequest,
    file_source,
    importer_authorization,
    inline_source,
)
from tests.e2e.upstream_tracing import global_span_exporter, span_named
from tools.otlp_receiver.received_telemetry import (
    ReceivedSpan,
    ReceivedTelemetry,
    attribute_values,
)

STREAMED_ID = "traced-streamed"
BATCHED_IDS = ("traced-batched-1", "traced-batched-2", "traced-batched-3")
CSV = "id,name\n1,Ada\n2,Grace\n"
WAIT_SECONDS = 30.0
DOWNSTREAM = "import-results process"


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportedImport:
    upstream: ReadableSpan
    downstream: ReadableSpan
    received: ReceivedTelemetry
    consumer_message_ids: dict[str, str]

    def spans(self, name: str) -> list[ReceivedSpan]:
        return [span for span in self.received.spans() if span.name == name]

    def consumer(self, import_id: str) -> ReceivedSpan:
        message_id = self.consumer_message_ids[import_id]
        return next(
            span
            for span in self.spans("import-requests process")
            if span.attribute("messaging.message.id") == message_id
        )

    def child(self, parent: ReceivedSpan, name: str) -> ReceivedSpan:
        return next(span for span in self.spans(name) if span.parent_span_id == parent.span_id)


def publish_traced_requests(project_id: str, allowed_root: Path) -> dict[str, str]:
    """Publishes as an upstream system whose client has google-cloud-pubsub's own tracing on."""
    (allowed_root / "traced.csv").write_text(CSV, encoding="utf-8")
    client = pubsub_v1.PublisherClient(
        publisher_options=PublisherOptions(enable_open_telemetry_tracing=True)
    )
    topic = client.topic_path(project_id, "import-requests")
    sources = {STREAMED_ID: file_source(allowed_root / "traced.csv")}
    sources |= {import_id: inline_source(CSV) for import_id in BATCHED_IDS}
    requests = [_request(import_id, source) for import_id, source in sources.items()]
    futures = {
        request.import_id: client.publish(topic, request.data(), **request.attributes())
        for request in requests
    }
    message_ids = {import_id: future.result(timeout=30) for import_id, future in futures.items()}
    client.stop()
    return message_ids


def run_exported_import(
    project_id: str, allowed_root: Path, inbox: EventInbox, received: ReceivedTelemetry
) -> ExportedImport:
    upstream = global_span_exporter()
    message_ids = publish_traced_requests(project_id, allowed_root)
    import_ids = [STREAMED_ID, *BATCHED_IDS]
    results = inbox.results.wait_until(has_results_for(import_ids), timeout_seconds=WAIT_SECONDS)
    downstream = _downstream_span(result_messages_for(results, STREAMED_ID)[0].attributes)
    received.wait_for(_has_every_step, WAIT_SECONDS)
    return ExportedImport(
        upstream=span_named(upstream, "import-requests create"),
        downstream=downstream,
        received=received,
        consumer_message_ids=message_ids,
    )


def _has_every_step(received: ReceivedTelemetry) -> bool:
    names = {span.name for span in received.spans()}
    metrics = {metric.name for metric in received.metrics()}
    return {"store", "store batch", "import-results create", "import-results send"} <= names and (
        "import_worker_messages" in metrics
    )


def _downstream_span(attributes: dict[str, str]) -> ReadableSpan:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    parent = TraceContextTextMapPropagator().extract(attributes)
    with provider.get_tracer("downstream").start_as_current_span(
        DOWNSTREAM, context=parent, kind=SpanKind.CONSUMER
    ):
        pass
    return span_named(exporter, DOWNSTREAM)


def _request(import_id: str, source: dict[str, str]) -> ImportRequest:
    return ImportRequest(
        import_id=import_id,
        dataset="traced",
        source=source,
        authorization=importer_authorization(),
    )


def latest_points(received: ReceivedTelemetry, name: str) -> dict[str, float]:
    """The data points of the last export of a metric, by their attributes."""
    metric = [metric for metric in received.metrics() if metric.name == name][-1]
    data = getattr(metric, metric.WhichOneof("data") or "sum")
    return {_labels(point): _point_value(point) for point in data.data_points}


def _labels(point: Any) -> str:
    return ",".join(f"{key}={value}" for key, value in attribute_values(point.attributes).items())


def _point_value(point: Any) -> float:
    if hasattr(point, "bucket_counts"):
        return float(point.count)
    return float(getattr(point, point.WhichOneof("value")))
