import contextlib
import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.support import vault_routes as routes
from tests.support.vault_state import Lease, VaultRefusal, VaultState

Route = Callable[[VaultState, dict[str, Any], Lease | None, re.Match[str]], routes.Answer]
ROUTES: list[tuple[frozenset[str], re.Pattern[str], bool, Route]] = [
    (
        frozenset({"POST", "PUT"}),
        re.compile("/v1/auth/approle/login"),
        False,
        lambda state, body, token, found: routes.approle_login(state, body),
    ),
    (
        frozenset({"POST", "PUT"}),
        re.compile("/v1/auth/kubernetes/login"),
        False,
        lambda state, body, token, found: routes.kubernetes_login(state, body),
    ),
    (
        frozenset({"GET"}),
        re.compile("/v1/auth/token/lookup-self"),
        True,
        lambda state, body, token, found: routes.lookup_self(state, _given(token)),
    ),
    (
        frozenset({"POST", "PUT"}),
        re.compile("/v1/auth/token/renew-self"),
        True,
        lambda state, body, token, found: routes.renew_self(state, _given(token), body),
    ),
    (
        frozenset({"GET"}),
        re.compile("/v1/database/creds/(?P<role>[^/]+)"),
        True,
        lambda state, body, token, found: routes.database_creds(
            state, _given(token), found["role"]
        ),
    ),
    (
        frozenset({"POST", "PUT"}),
        re.compile("/v1/sys/leases/renew"),
        True,
        lambda state, body, token, found: routes.renew_lease(state, body),
    ),
    (
        frozenset({"POST", "PUT"}),
        re.compile("/v1/sys/leases/revoke"),
        True,
        lambda state, body, token, found: routes.revoke_lease(state, body),
    ),
    (
        frozenset({"GET"}),
        re.compile("/v1/(?P<mount>[^/]+)/data/(?P<path>.+)"),
        True,
        lambda state, body, token, found: routes.kv_read(state, found["mount"], found["path"]),
    ),
]


def _route(method: str, path: str) -> tuple[bool, Route, re.Match[str]]:
    for methods, pattern, authenticated, route in ROUTES:
        found = pattern.fullmatch(path)
        if found is not None and method in methods:
            return authenticated, route, found
    raise VaultRefusal(404, "unsupported path")


def _given(token: Lease | None) -> Lease:
    if token is None:
        raise VaultRefusal(403, "permission denied")
    return token


class VaultHandler(BaseHTTPRequestHandler):
    """Vault's HTTP API for the endpoints the worker calls, with Vault's bodies and statuses."""

    state: VaultState
    requests_seen: list[tuple[str, str]]

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def _dispatch(self, method: str) -> None:
        path = urlsplit(self.path).path
        self.requests_seen.append((method, path))
        with self.state.lock:
            status, document = self._answer(method, path)
        self._send(status, document)

    def _answer(self, method: str, path: str) -> routes.Answer:
        if path == "/v1/sys/health":
            return _health(self.state)
        try:
            return self._routed(method, path)
        except VaultRefusal as refusal:
            return refusal.status, {"errors": refusal.errors}

    def _routed(self, method: str, path: str) -> routes.Answer:
        if self.state.sealed:
            raise VaultRefusal(503, "Vault is sealed")
        authenticated, route, found = _route(method, path)
        token = self._token() if authenticated else None
        return route(self.state, self._body(), token, found)

    def _token(self) -> Lease:
        return self.state.valid_token(self.headers.get("X-Vault-Token"))

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        if not length:
            return {}
        body: dict[str, Any] = json.loads(self.rfile.read(length))
        return body

    def _send(self, status: int, document: dict[str, Any] | None) -> None:
        payload = b"" if document is None else json.dumps(document).encode()
        self.send_response(status)
        if document is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _health(state: VaultState) -> routes.Answer:
    document = {
        "initialized": True,
        "sealed": state.sealed,
        "standby": False,
        "performance_standby": False,
        "replication_performance_mode": "disabled",
        "replication_dr_mode": "disabled",
        "server_time_utc": 1714564800,
        "version": "1.17.0",
        "cluster_name": "vault-stand-in",
        "cluster_id": "00000000-0000-0000-0000-000000000000",
    }
    return (503 if state.sealed else 200), document


class VaultStandIn:
    def __init__(self, state: VaultState) -> None:
        self.state = state
        self.requests_seen: list[tuple[str, str]] = []
        handler = type(
            "BoundVaultHandler",
            (VaultHandler,),
            {"state": state, "requests_seen": self.requests_seen},
        )
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@contextlib.contextmanager
def serving_vault(state: VaultState) -> Iterator[VaultStandIn]:
    stand_in = VaultStandIn(state)
    stand_in.start()
    try:
        yield stand_in
    finally:
        stand_in.stop()
