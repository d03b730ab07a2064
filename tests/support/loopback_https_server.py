import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.support.self_signed_certificate import SelfSignedCertificate

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True, slots=True)
class LoopbackHttpsServer:
    port: int

    def url(self, path: str, *, host: str = "127.0.0.1") -> str:
        return f"https://{host}:{self.port}{path}"


class RoutedHandler(BaseHTTPRequestHandler):
    routes: Mapping[str, Route] = {}

    def do_GET(self) -> None:
        route = self.routes.get(urlsplit(self.path).path, answer(404))
        with contextlib.suppress(OSError):
            route(self)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextlib.contextmanager
def serving_https(
    routes: Mapping[str, Route], certificate: SelfSignedCertificate
) -> Iterator[LoopbackHttpsServer]:
    handler = type("LoopbackHandler", (RoutedHandler,), {"routes": dict(routes)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.socket = certificate.serving_context().wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LoopbackHttpsServer(port=server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def answer(status: int, body: bytes = b"", *, declared_length: int | None = None) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "text/csv")
        handler.send_header("Content-Length", str(declared_length or len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def undeclared_length(body: bytes) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def redirect(*, host: str, path: str, scheme: str = "https", port: int | None = None) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        port_seen = handler.connection.getsockname()[1]
        handler.send_response(302)
        handler.send_header("Location", f"{scheme}://{host}:{port or port_seen}{path}")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def after_pause(seconds: float, route: Route) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        route(handler)

    return respond


def stalled_after(body: bytes, *, declared_length: int, pause_seconds: float) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        answer(200, body, declared_length=declared_length)(handler)
        handler.wfile.flush()
        time.sleep(pause_seconds)

    return respond


def dripping(body: bytes, *, pause_seconds: float) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        answer(200, declared_length=len(body))(handler)
        for byte in body:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(pause_seconds)

    return respond


def raw_bytes(payload: bytes) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(payload)

    return respond
