import contextlib

import pytest

from adapters.observability.prometheus_worker_metrics import DEPENDENCIES, PrometheusWorkerMetrics


def exposition_text(sut: PrometheusWorkerMetrics) -> str:
    body, _ = sut.exposition()
    return body.decode("utf-8")


def test_should_count_a_finished_message_by_its_outcome() -> None:
    sut = PrometheusWorkerMetrics()
    sut.message_started()

    sut.message_finished("completed", duration_seconds=0.2)

    assert 'import_worker_messages_total{outcome="completed"} 1.0' in exposition_text(sut)


@pytest.mark.parametrize(
    "outcome",
    ["completed", "failed", "rejected", "repeated", "dead_lettered", "retried"],
    ids=["completed", "failed", "rejected", "repeated", "dead-lettered", "retried"],
)
def test_should_expose_every_outcome_before_any_message(outcome: str) -> None:
    sut = PrometheusWorkerMetrics()

    text = exposition_text(sut)

    assert f'import_worker_messages_total{{outcome="{outcome}"}} 0.0' in text


def test_should_add_the_imported_rows_of_every_message() -> None:
    sut = PrometheusWorkerMetrics()
    sut.message_finished("completed", duration_seconds=0.1, rows_imported=3, rows_rejected=1)

    sut.message_finished("completed", duration_seconds=0.1, rows_imported=4)

    assert "import_worker_rows_imported_total 7.0" in exposition_text(sut)


def test_should_add_the_rejected_rows_of_every_message() -> None:
    sut = PrometheusWorkerMetrics()
    sut.message_finished("completed", duration_seconds=0.1, rows_imported=3, rows_rejected=1)

    sut.message_finished("completed", duration_seconds=0.1, rows_rejected=2)

    assert "import_worker_rows_rejected_total 3.0" in exposition_text(sut)


def test_should_observe_the_duration_of_a_message_in_the_histogram() -> None:
    sut = PrometheusWorkerMetrics()

    sut.message_finished("failed", duration_seconds=0.3)

    assert 'import_worker_import_duration_seconds_bucket{le="0.5"} 1.0' in exposition_text(sut)


def test_should_leave_faster_buckets_empty_for_a_slow_message() -> None:
    sut = PrometheusWorkerMetrics()

    sut.message_finished("failed", duration_seconds=0.3)

    assert 'import_worker_import_duration_seconds_bucket{le="0.25"} 0.0' in exposition_text(sut)


def test_should_count_messages_in_flight_while_they_are_handled() -> None:
    sut = PrometheusWorkerMetrics()
    sut.message_started()

    sut.message_started()

    assert "import_worker_messages_in_flight 2.0" in exposition_text(sut)


def test_should_stop_counting_a_message_in_flight_once_finished() -> None:
    sut = PrometheusWorkerMetrics()
    sut.message_started()

    sut.message_finished("retried", duration_seconds=0.1)

    assert "import_worker_messages_in_flight 0.0" in exposition_text(sut)


def test_should_refuse_an_unknown_outcome() -> None:
    sut = PrometheusWorkerMetrics()

    with pytest.raises(ValueError, match="unknown message outcome 'lost'"):
        sut.message_finished("lost", duration_seconds=0.1)


def test_should_release_the_in_flight_slot_even_for_an_unknown_outcome() -> None:
    sut = PrometheusWorkerMetrics()
    sut.message_started()

    with contextlib.suppress(ValueError):
        sut.message_finished("lost", duration_seconds=0.1)

    assert "import_worker_messages_in_flight 0.0" in exposition_text(sut)


def test_should_keep_separate_instances_apart() -> None:
    first = PrometheusWorkerMetrics()
    sut = PrometheusWorkerMetrics()

    first.message_finished("completed", duration_seconds=0.1)

    assert 'import_worker_messages_total{outcome="completed"} 0.0' in exposition_text(sut)


def test_should_expose_the_prometheus_text_content_type() -> None:
    sut = PrometheusWorkerMetrics()

    _, content_type = sut.exposition()

    assert content_type.startswith("text/plain; version=")


@pytest.mark.parametrize("dependency", list(DEPENDENCIES), ids=list(DEPENDENCIES))
def test_should_expose_every_circuit_closed_before_any_transition(dependency: str) -> None:
    sut = PrometheusWorkerMetrics()

    text = exposition_text(sut)

    assert f'import_worker_circuit_state{{dependency="{dependency}"}} 0.0' in text


def test_should_expose_the_state_of_a_circuit_that_changed() -> None:
    sut = PrometheusWorkerMetrics()

    sut.circuit_state("store", 2)

    assert 'import_worker_circuit_state{dependency="store"} 2.0' in exposition_text(sut)


@pytest.mark.parametrize(
    ("active", "expected"), [(True, "1.0"), (False, "0.0")], ids=["pulling", "paused"]
)
def test_should_expose_whether_the_subscription_is_pulled(active: bool, expected: str) -> None:
    sut = PrometheusWorkerMetrics()

    sut.pulling(active)

    assert f"import_worker_pulling {expected}" in exposition_text(sut)


@pytest.mark.parametrize("result", ["hit", "miss", "error"])
def test_should_expose_every_cache_result_before_any_cache_request(result: str) -> None:
    sut = PrometheusWorkerMetrics()

    text = exposition_text(sut)

    assert f'import_worker_cache_requests_total{{result="{result}"}} 0.0' in text


def test_should_count_cache_requests_by_result() -> None:
    sut = PrometheusWorkerMetrics()
    sut.cache_request("hit")

    sut.cache_request("hit")

    assert 'import_worker_cache_requests_total{result="hit"} 2.0' in exposition_text(sut)


def test_should_refuse_an_unknown_cache_result() -> None:
    sut = PrometheusWorkerMetrics()

    with pytest.raises(ValueError, match="unknown cache result 'stale'"):
        sut.cache_request("stale")
