import socket
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest

from tests.unit.worker.health.health_client import fetch
from tests.unit.worker.health.health_state import HealthState
from worker.health.health_server import HealthServer

pytestmark = pytest.mark.integration

IDLE_CONNECTIONS = 500
THREADS_THE_SIDECAR_MAY_ADD = 8
SLOW_REQUEST = b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"z" * 64
BYTE_EVERY_SECONDS = 2.0
GIVE_UP_AFTER_SECONDS = 15.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Probe:
    status: int
    seconds: float


@pytest.fixture(scope="module")
def threads_before() -> int:
    return threading.active_count()


@pytest.fixture(scope="module")
def server(threads_before: int) -> Iterator[HealthServer]:
    state = HealthState()
    sidecar = HealthServer(
        "127.0.0.1",
        0,
        liveness=state.liveness,
        readiness=state.report,
        draining=state.is_draining,
        metrics=state.metrics,
    )
    sidecar.start()
    yield sidecar
    sidecar.stop()


@pytest.fixture(scope="module")
def idle_connections(server: HealthServer) -> Iterator[int]:
    with ExitStack() as stack:
        for _ in range(IDLE_CONNECTIONS):
            stack.enter_context(socket.create_connection(("127.0.0.1", server.port), timeout=5.0))
        yield IDLE_CONNECTIONS


@pytest.fixture(scope="module")
def livez_under_idle_load(server: HealthServer, idle_connections: int) -> Probe:
    started = time.monotonic()
    answer = fetch(server.port, "/livez")
    return Probe(status=answer.status, seconds=time.monotonic() - started)


@pytest.fixture(scope="module")
def threads_under_idle_load(idle_connections: int, livez_under_idle_load: Probe) -> int:
    time.sleep(0.5)
    return threading.active_count()


def seconds_a_slow_client_stays_connected(port: int) -> float:
    with socket.create_connection(("127.0.0.1", port), timeout=BYTE_EVERY_SECONDS) as client:
        started = time.monotonic()
        for byte in SLOW_REQUEST:
            if closed_by_the_server(client, byte):
                break
            if time.monotonic() - started > GIVE_UP_AFTER_SECONDS:
                break
        return time.monotonic() - started


def closed_by_the_server(client: socket.socket, byte: int) -> bool:
    try:
        client.sendall(bytes([byte]))
        return client.recv(1) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def test_should_answer_livez_with_500_idle_connections_open(livez_under_idle_load: Probe) -> None:
    assert livez_under_idle_load.status == 200


def test_should_answer_livez_within_a_second_with_500_idle_connections_open(
    livez_under_idle_load: Probe,
) -> None:
    assert livez_under_idle_load.seconds < 1.0


def test_should_keep_its_thread_count_bounded_with_500_idle_connections_open(
    threads_before: int, threads_under_idle_load: int
) -> None:
    assert threads_under_idle_load <= threads_before + THREADS_THE_SIDECAR_MAY_ADD


def test_should_close_a_client_sending_a_byte_at_a_time_after_five_seconds(
    server: HealthServer, idle_connections: int
) -> None:
    seconds = seconds_a_slow_client_stays_connected(server.port)

    assert 4.5 <= seconds <= 7.0


def test_should_close_an_idle_connection_after_five_seconds(server: HealthServer) -> None:
    with socket.create_connection(
        ("127.0.0.1", server.port), timeout=GIVE_UP_AFTER_SECONDS
    ) as idle:
        started = time.monotonic()
        idle.recv(1)
        seconds = time.monotonic() - started

    assert 4.5 <= seconds <= 7.0
