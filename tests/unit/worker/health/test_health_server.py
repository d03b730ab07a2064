import socket
import time
from urllib.error import URLError

import pytest

from domain.health.health_status import HealthStatus
from tests.unit.worker.health.health_client import fetch
from tests.unit.worker.health.health_state import METRICS_CONTENT_TYPE, HealthState, report
from tests.unit.worker.health.raw_client import exchange, seconds_until_closed, status_line
from worker.health.health_server import HealthServer

UP = HealthStatus.UP
DOWN = HealthStatus.DOWN
DEGRADED = HealthStatus.DEGRADED


def test_should_answer_livez_with_200_while_the_worker_is_alive(
    health_server: HealthServer,
) -> None:
    answer = fetch(health_server.port, "/livez")

    assert answer.status == 200


def test_should_answer_livez_with_up_while_the_worker_is_alive(
    health_server: HealthServer,
) -> None:
    answer = fetch(health_server.port, "/livez")

    assert answer.json() == {"status": "up"}


def test_should_answer_livez_with_503_when_the_worker_is_stuck(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.alive = False

    answer = fetch(health_server.port, "/livez")

    assert answer.status == 503


def test_should_answer_livez_with_down_when_the_worker_is_stuck(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.alive = False

    answer = fetch(health_server.port, "/livez")

    assert answer.json() == {"status": "down"}


def test_should_answer_readyz_with_200_when_ready(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness = report(UP, pubsub=UP, repository=UP)

    answer = fetch(health_server.port, "/readyz")

    assert answer.status == 200


def test_should_answer_readyz_with_every_check_when_ready(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness = report(UP, pubsub=UP, repository=UP)

    answer = fetch(health_server.port, "/readyz")

    assert answer.json() == {
        "status": "up",
        "checks": {
            "pubsub": {"status": "up", "latency_ms": 1.5},
            "repository": {"status": "up", "latency_ms": 1.5},
        },
    }


def test_should_answer_readyz_with_200_when_only_the_cache_is_down(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness = report(DEGRADED, pubsub=UP, repository=UP, cache=DOWN)

    answer = fetch(health_server.port, "/readyz")

    assert answer.status == 200


def test_should_answer_readyz_with_degraded_when_only_the_cache_is_down(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness = report(DEGRADED, pubsub=UP, repository=UP, cache=DOWN)

    answer = fetch(health_server.port, "/readyz")

    assert answer.json()["status"] == "degraded"


def test_should_answer_readyz_with_503_when_a_required_dependency_is_down(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness = report(DOWN, pubsub=UP, repository=DOWN)

    answer = fetch(health_server.port, "/readyz")

    assert answer.status == 503


def test_should_name_the_required_dependency_that_is_down(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness = report(DOWN, pubsub=UP, repository=DOWN)

    answer = fetch(health_server.port, "/readyz")

    assert answer.json()["checks"]["repository"]["status"] == "down"


def test_should_answer_readyz_with_503_while_draining(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.draining = True

    answer = fetch(health_server.port, "/readyz")

    assert answer.status == 503


def test_should_answer_readyz_with_down_while_draining(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.draining = True

    answer = fetch(health_server.port, "/readyz")

    assert answer.json()["status"] == "down"


def test_should_answer_readyz_with_500_when_readiness_itself_fails(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness_error = RuntimeError("broken wiring")

    answer = fetch(health_server.port, "/readyz")

    assert answer.status == 500


def test_should_say_internal_error_when_readiness_itself_fails(
    health_server: HealthServer, health_state: HealthState
) -> None:
    health_state.readiness_error = RuntimeError("broken wiring")

    answer = fetch(health_server.port, "/readyz")

    assert answer.json() == {"error": "internal error"}


def test_should_answer_metrics_with_200(
    health_server: HealthServer,
) -> None:
    answer = fetch(health_server.port, "/metrics")

    assert answer.status == 200


def test_should_answer_metrics_with_the_prometheus_exposition(
    health_server: HealthServer,
) -> None:
    answer = fetch(health_server.port, "/metrics")

    assert answer.body == b"import_worker_messages_in_flight 0.0\n"


def test_should_answer_metrics_with_the_prometheus_content_type(
    health_server: HealthServer,
) -> None:
    answer = fetch(health_server.port, "/metrics")

    assert answer.headers["Content-Type"] == METRICS_CONTENT_TYPE


@pytest.mark.parametrize("path", ["/livez", "/readyz"], ids=["livez", "readyz"])
def test_should_answer_health_routes_as_json(health_server: HealthServer, path: str) -> None:
    answer = fetch(health_server.port, path)

    assert answer.headers["Content-Type"] == "application/json"


def test_should_ignore_the_query_string(health_server: HealthServer) -> None:
    answer = fetch(health_server.port, "/livez?verbose=1")

    assert answer.status == 200


def test_should_answer_head_with_the_status_of_get(health_server: HealthServer) -> None:
    answer = fetch(health_server.port, "/livez", method="HEAD")

    assert answer.status == 200


def test_should_answer_head_without_a_body(health_server: HealthServer) -> None:
    answer = fetch(health_server.port, "/livez", method="HEAD")

    assert answer.body == b""


@pytest.mark.parametrize(
    "method",
    ["GET", "POST", "PUT", "DELETE", "PATCH"],
    ids=["get", "post", "put", "delete", "patch"],
)
def test_should_answer_404_for_an_unknown_path(health_server: HealthServer, method: str) -> None:
    answer = fetch(health_server.port, "/nowhere", method=method)

    assert answer.status == 404


@pytest.mark.parametrize(
    "method",
    ["GET", "POST", "PUT", "DELETE", "PATCH"],
    ids=["get", "post", "put", "delete", "patch"],
)
def test_should_say_not_found_for_an_unknown_path(health_server: HealthServer, method: str) -> None:
    answer = fetch(health_server.port, "/nowhere", method=method)

    assert answer.json() == {"error": "not found"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/livez"),
        ("PUT", "/readyz"),
        ("DELETE", "/metrics"),
        ("PATCH", "/readyz"),
        ("OPTIONS", "/livez"),
        ("TRACE", "/livez"),
        ("CONNECT", "/livez"),
        ("BREW", "/livez"),
    ],
    ids=[
        "post-livez",
        "put-readyz",
        "delete-metrics",
        "patch-readyz",
        "options-livez",
        "trace-livez",
        "connect-livez",
        "unknown-method",
    ],
)
def test_should_answer_405_for_another_method_on_a_known_path(
    health_server: HealthServer, method: str, path: str
) -> None:
    answer = fetch(health_server.port, path, method=method)

    assert answer.status == 405


def test_should_name_the_allowed_methods_when_answering_405(health_server: HealthServer) -> None:
    answer = fetch(health_server.port, "/readyz", method="POST")

    assert answer.headers["Allow"] == "GET, HEAD"


def test_should_not_write_request_logs_to_stderr(
    health_server: HealthServer, capfd: pytest.CaptureFixture[str]
) -> None:
    fetch(health_server.port, "/livez")

    assert capfd.readouterr().err == ""


def test_should_log_requests_at_debug_level(
    health_server: HealthServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG", logger="worker.health.health_exchange")

    fetch(health_server.port, "/livez")

    assert any('"GET /livez HTTP/1.1" 200' in record.getMessage() for record in caplog.records)


def test_should_refuse_to_tell_its_port_before_it_starts(health_state: HealthState) -> None:
    sut = HealthServer(
        "127.0.0.1",
        0,
        liveness=health_state.liveness,
        readiness=health_state.report,
        draining=health_state.is_draining,
        metrics=health_state.metrics,
    )

    with pytest.raises(RuntimeError, match="not started"):
        sut.port


def test_should_stop_answering_once_stopped(health_server: HealthServer) -> None:
    port = health_server.port

    health_server.stop()

    with pytest.raises(URLError):
        fetch(port, "/livez")


def test_should_forget_its_port_once_stopped(health_server: HealthServer) -> None:
    health_server.stop()

    with pytest.raises(RuntimeError, match="not started"):
        health_server.port


def test_should_answer_a_request_that_carries_a_body(health_server: HealthServer) -> None:
    request = b"POST /livez HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"

    line = status_line(health_server.port, request)

    assert line == b"HTTP/1.1 405 Method Not Allowed"


def test_should_answer_a_chunked_request_once_its_last_chunk_arrives(
    health_server: HealthServer,
) -> None:
    request = (
        b"POST /livez HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\nhello\r\n0\r\n\r\n"
    )

    line = status_line(health_server.port, request)

    assert line == b"HTTP/1.1 405 Method Not Allowed"


def test_should_close_the_connection_after_answering(health_server: HealthServer) -> None:
    answer = exchange(health_server.port, b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")

    assert b"\r\nconnection: close\r\n" in answer.lower()


def test_should_answer_400_to_a_request_that_is_not_http(health_server: HealthServer) -> None:
    line = status_line(health_server.port, b"HELLO THERE\r\n\r\n")

    assert line.startswith(b"HTTP/1.1 400 ")


def test_should_answer_431_to_a_request_head_larger_than_it_accepts(
    health_server: HealthServer,
) -> None:
    request = b"GET /livez HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 65536 + b"\r\n\r\n"

    line = status_line(health_server.port, request)

    assert line.startswith(b"HTTP/1.1 431 ")


def test_should_close_quietly_a_connection_that_ends_before_a_request(
    health_server: HealthServer,
) -> None:
    answer = exchange(health_server.port, b"")

    assert answer == b""


def test_should_close_a_connection_that_has_not_sent_a_whole_request_in_time(
    health_state: HealthState,
) -> None:
    sut = HealthServer(
        "127.0.0.1",
        0,
        liveness=health_state.liveness,
        readiness=health_state.report,
        draining=health_state.is_draining,
        metrics=health_state.metrics,
        request_deadline_seconds=0.3,
    )
    sut.start()
    try:
        seconds = seconds_until_closed(sut.port, b"GET /livez HTTP/1.1\r\nHost:")
    finally:
        sut.stop()

    assert 0.3 <= seconds < 2.0


def test_should_refuse_to_start_on_a_port_already_in_use(
    health_server: HealthServer, health_state: HealthState
) -> None:
    sut = HealthServer(
        "127.0.0.1",
        health_server.port,
        liveness=health_state.liveness,
        readiness=health_state.report,
        draining=health_state.is_draining,
        metrics=health_state.metrics,
    )

    with pytest.raises(OSError):
        sut.start()


def test_should_do_nothing_when_stopped_before_it_starts(health_state: HealthState) -> None:
    sut = HealthServer(
        "127.0.0.1",
        0,
        liveness=health_state.liveness,
        readiness=health_state.report,
        draining=health_state.is_draining,
        metrics=health_state.metrics,
    )

    sut.stop()

    with pytest.raises(RuntimeError, match="not started"):
        sut.port


def test_should_close_at_once_a_connection_beyond_its_cap(health_state: HealthState) -> None:
    sut = HealthServer(
        "127.0.0.1",
        0,
        liveness=health_state.liveness,
        readiness=health_state.report,
        draining=health_state.is_draining,
        metrics=health_state.metrics,
        max_connections=1,
    )
    sut.start()
    try:
        with socket.create_connection(("127.0.0.1", sut.port)):
            time.sleep(0.2)
            seconds = seconds_until_closed(sut.port, b"")
    finally:
        sut.stop()

    assert seconds < 1.0
