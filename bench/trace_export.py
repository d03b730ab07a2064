from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tools.otlp_receiver.grpc_otlp_receiver import GrpcOtlpReceiver


@contextmanager
def local_receiver(enabled: bool) -> Iterator[GrpcOtlpReceiver | None]:
    """With --trace-export: an OTLP/gRPC receiver in the benchmark's process, which the worker
    sends every span (all sampled) and its metrics to; without it, nothing is exported."""
    if not enabled:
        yield None
        return
    receiver = GrpcOtlpReceiver().start()
    try:
        yield receiver
    finally:
        receiver.stop()


def export_settings(receiver: GrpcOtlpReceiver | None) -> dict[str, str]:
    if receiver is None:
        return {}
    return {
        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint,
        "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc",
        "OTEL_TRACES_SAMPLER": "always_on",
    }


def export_figures(receiver: GrpcOtlpReceiver | None) -> dict[str, Any] | None:
    if receiver is None:
        return None
    spans = receiver.received.spans()
    return {
        "spans_received": len(spans),
        "spans_by_name": dict(Counter(span.name for span in spans)),
        "metrics_received": len(receiver.received.metrics()),
    }
