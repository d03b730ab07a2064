from concurrent.futures import ThreadPoolExecutor
from typing import Any

import grpc
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2_grpc
from opentelemetry.proto.collector.metrics.v1.metrics_service_pb2 import (
    ExportMetricsServiceRequest,
    ExportMetricsServiceResponse,
)
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2_grpc
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

from tools.otlp_receiver.received_telemetry import ReceivedTelemetry

WORKERS = 4


class _TraceService(trace_service_pb2_grpc.TraceServiceServicer):
    def __init__(self, received: ReceivedTelemetry) -> None:
        self._received = received

    def Export(self, request: ExportTraceServiceRequest, context: Any) -> Any:  # noqa: N802
        self._received.add_spans(request)
        return ExportTraceServiceResponse()


class _MetricsService(metrics_service_pb2_grpc.MetricsServiceServicer):
    def __init__(self, received: ReceivedTelemetry) -> None:
        self._received = received

    def Export(self, request: ExportMetricsServiceRequest, context: Any) -> Any:  # noqa: N802
        self._received.add_metrics(request)
        return ExportMetricsServiceResponse()


class GrpcOtlpReceiver:
    """An OTLP/gRPC receiver on a free loopback port, serving opentelemetry-proto's TraceService
    and MetricsService, that keeps what it is sent."""

    def __init__(self) -> None:
        self.received = ReceivedTelemetry()
        self._server = grpc.server(ThreadPoolExecutor(WORKERS))
        trace_service_pb2_grpc.add_TraceServiceServicer_to_server(
            _TraceService(self.received), self._server
        )
        metrics_service_pb2_grpc.add_MetricsServiceServicer_to_server(
            _MetricsService(self.received), self._server
        )
        self._port = self._server.add_insecure_port("127.0.0.1:0")

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> "GrpcOtlpReceiver":
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop(grace=None)
