import socket
import time

from tests.unit.worker.health.health_state import HealthState
from worker.health.health_server import HealthServer

PARTIAL_REQUEST = b"GET /livez HTTP/1.1\r\n"
WAIT_SECONDS = 5.0


def refused_at_once(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1.0) as extra:
        try:
            return extra.recv(1) == b""
        except TimeoutError:
            return False


def wait_until_held(port: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not refused_at_once(port) and time.monotonic() < deadline:
        time.sleep(0.05)


def test_should_close_a_connection_still_in_hand_when_it_stops() -> None:
    state = HealthState()
    sut = HealthServer(
        "127.0.0.1",
        0,
        liveness=state.liveness,
        readiness=state.report,
        draining=state.is_draining,
        metrics=state.metrics,
        max_connections=1,
    )
    sut.start()
    with socket.create_connection(("127.0.0.1", sut.port), timeout=WAIT_SECONDS) as held:
        held.sendall(PARTIAL_REQUEST)
        wait_until_held(sut.port)
        sut.stop()

        assert held.recv(1) == b""
