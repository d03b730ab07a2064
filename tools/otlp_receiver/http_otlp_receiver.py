import gzip
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry.proto.collector.metrics.v1.metrics_service_pb2 import (
    ExportMetricsServiceRequest,
    ExportMetricsServiceResponse,
)
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

from tools.otlp_receiver.received_telemetry import ReceivedTelemetry

PROTOBUF = "application/x-protobuf"


class _ReceivingServer(ThreadingHTTPServer):
    def __init__(self, received: ReceivedTelemetry) -> None:
        super().__init__(("127.0.0.1", 0), _OtlpHttpHandler)
        self.received = received


class _OtlpHttpHandler(BaseHTTPRequestHandler):
    server: _ReceivingServer

    def do_POST(self) -> None:  # noqa: N802
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404)
            return
        answer = route(self.server.received, self._body())
        self.send_response(200)
        self.send_header("Content-Type", PROTOBUF)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        return None

    def _body(self) -> bytes:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding") == "gzip":
            return gzip.decompress(body)
        return body


def _traces(received: ReceivedTelemetry, body: bytes) -> bytes:
    received.add_spans(ExportTraceServiceRequest.FromString(body))
    answer: bytes = ExportTraceServiceResponse().SerializeToString()
    return answer


def _metrics(received: ReceivedTelemetry, body: bytes) -> bytes:
    received.add_metrics(ExportMetricsServiceRequest.FromString(body))
    answer: bytes = ExportMetricsServiceResponse().SerializeToString()
    return answer


ROUTES: dict[str, Callable[[ReceivedTelemetry, bytes], bytes]] = {
    "/v1/traces": _traces,
    "/v1/metrics": _metrics,
}


class HttpOtlpReceiver:
    """An OTLP/HTTP (protobuf) receiver on a free loopback port: /v1/traces and /v1/metrics."""

    def __init__(self) -> None:
        self.received = ReceivedTelemetry()
        self._server = _ReceivingServer(self.received)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> "HttpOtlpReceiver":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
