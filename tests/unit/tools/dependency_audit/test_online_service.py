import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from packaging.version import Version

from tools.dependency_audit.audited_package import AuditedPackage
from tools.dependency_audit.online_service import OnlineServices

PROBE = AuditedPackage(name="demo", version=Version("1.0"), origin="uv.lock")
CLOSED_PORT = "http://127.0.0.1:9"


class StatusHandler(BaseHTTPRequestHandler):
    get_status = 404
    post_status = 404

    def do_GET(self) -> None:
        self._answer(self.get_status)

    def do_POST(self) -> None:
        self._answer(self.post_status)

    def _answer(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def serving(get_status: int, post_status: int) -> Iterator[str]:
    handler = type(
        "Handler", (StatusHandler,), {"get_status": get_status, "post_status": post_status}
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize(
    ("get_status", "post_status", "expected"),
    [(200, 404, "pypi"), (404, 200, "osv"), (404, 503, None)],
    ids=["pypi-answers", "only-osv-answers", "neither-answers"],
)
def test_should_choose_the_first_service_that_answers(
    get_status: int, post_status: int, expected: str | None
) -> None:
    with serving(get_status, post_status) as url:
        sut = OnlineServices(pypi_url=f"{url}/pypi", osv_url=f"{url}/v1/query")

        service = sut.answering(PROBE)

    assert service == expected


def test_should_find_no_service_behind_a_closed_port() -> None:
    sut = OnlineServices(pypi_url=CLOSED_PORT, osv_url=CLOSED_PORT)

    service = sut.answering(PROBE)

    assert service is None
