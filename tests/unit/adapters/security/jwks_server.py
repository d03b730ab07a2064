import json
from http.server import ThreadingHTTPServer


class JwksServer:

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
