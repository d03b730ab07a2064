import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


class JwksServer:
    """A loopback identity provider serving its key set, counting the requests it answered."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.responses: list[tuple[int, bytes]] = [(200, b'{"keys": []}')]
        self.requests = 0
        self._server = server

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/.well-known/jwks.json"

    def serve_keys(self, *keys: dict[str, object]) -> None:
        self.responses = [(200, json.dumps({"keys": list(keys)}).encode("utf-8"))]

    def next_response(self) -> tuple[int, bytes]:
        response = self.responses[min(self.requests, len(self.responses) - 1)]
        self.requests += 1
        return response


def rsa_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    return {**RSAAlgorithm.to_jwk(key.public_key(), as_dict=True), "kid": kid, "use": "sig"}


@contextmanager
def serving_jwks() -> Iterator[JwksServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    jwks = JwksServer(server)
    server.RequestHandlerClass = _handler_for(jwks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield jwks
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _handler_for(jwks: JwksServer) -> type[BaseHTTPRequestHandler]:
    class JwksHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = jwks.next_response()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return JwksHandler
