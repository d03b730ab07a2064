import contextlib

import pytest
from opentelemetry.sdk.resources import Resource

from adapters.observability.otel_metric_pipeline import metric_pipeline
from adapters.observability.otel_worker_metrics import DEPENDENCIES, OtelWorkerMetrics


def worker_metrics() -> OtelWorkerMetrics:
    return OtelWorkerMetrics(metric_pipeline(resource=Resource.create(), exporter=None))


def exposition_text(sut: OtelWorkerMetrics) -> str:
    body, _ = sut.exposition()
    return body.decode("utf-8")


def test_should_count_a_finished_message_by_its_outcome() -> None:
    sut = worker_metrics()
    sut.message_started()

    sut.message_finished("completed", duration_seconds=0.2)

    assert 'import_worker_messages_total{outcome="completed"} 1.0' in exposition_text(sut)


@pytest.mark.parametrize(
    "outcome",
    ["completed", "failed", "rejected", "repeated", "dead_lettered", "retried"],
    ids=["completed", "failed", "rejected", "repeated", "dead-lettered", "retried"],
)
def test_should_expose_every_outcome_before_any_message(outcome: str) -> None:
    sut = worker_metrics()

    text = exposition_text(sut)

    assert f'import_worker_messages_total{{outcome="{outcome}"}} 0.0' in text


def test_should_add_the_imported_rows_of_every_message() -> None:
    sut = worker_metrics()
    sut.message_finished("completed", duration_seconds=0.1, rows_imported=3, rows_rejected=1)

    sut.message_finished("completed", duration_seconds=0.1, rows_imported=4)

    assert "import_worker_rows_imported_total 7.0" in exposition_text(sut)


def test_should_add_the_rejected_rows_of_every_message() -> None:
    sut = worker_metrics()
    sut.message_finished("completed", duration_seconds=0.1, rows_imported=3, rows_rejected=1)

    sut.message_finished("completed", duration_seconds=0.1, rows_rejected=2)

    assert "import_worker_rows_rejected_total 3.0" in exposition_text(sut)


def test_should_observe_the_duration_of_a_message_in_the_histogram() -> None:
    sut = worker_metrics()

    sut.message_finished("failed", duration_seconds=0.3)

    assert 'import_worker_import_duration_seconds_bucket{le="0.5"} 1.0' in exposition_text(sut)


def test_should_leave_faster_buckets_empty_for_a_slow_message() -> None:
    sut = worker_metrics()

    sut.message_finished("failed", duration_seconds=0.3)

    assert 'import_worker_import_duration_seconds_bucket{le="0.25"} 0.0' in exposition_text(sut)


def test_should_keep_the_bucket_labels_of_whole_seconds() -> None:
    sut = worker_metrics()

    sut.message_finished("failed", duration_seconds=0.3)

    assert 'import_worker_import_duration_seconds_bucket{le="1.0"} 1.0' in exposition_text(sut)


def test_should_count_messages_in_flight_while_they_are_handled() -> None:
    sut = worker_metrics()
    sut.message_started()

    sut.message_started()

    assert "import_worker_messages_in_flight 2.0" in exposition_text(sut)


def test_should_stop_counting_a_message_in_flight_once_finished() -> None:
    sut = worker_metrics()
    sut.message_started()

    sut.message_finished("retried", duration_seconds=0.1)

    assert "import_worker_messages_in_flight 0.0" in exposition_text(sut)


def test_should_refuse_an_unknown_outcome() -> None:
    sut = worker_metrics()

    with pytest.raises(ValueError, match="unknown message outcome 'lost'"):
        sut.message_finished("lost", duration_seconds=0.1)


def test_should_release_the_in_flight_slot_even_for_an_unknown_outcome() -> None:
    sut = worker_metrics()
    sut.message_started()

    with contextlib.suppress(ValueError):
        sut.message_finished("lost", duration_seconds=0.1)

    assert "import_worker_messages_in_flight 0.0" in exposition_text(sut)


def test_should_keep_separate_instances_apart() -> None:
    first = worker_metrics()
    sut = worker_metrics()

    first.message_finished("completed", duration_seconds=0.1)

    assert 'import_worker_messages_total{outcome="completed"} 0.0' in exposition_text(sut)


def test_should_expose_the_prometheus_text_content_type() -> None:
    sut = worker_metrics()

    _, content_type = sut.exposition()

    assert content_type.startswith("text/plain; version=")


@pytest.mark.parametrize("dependency", DEPENDENCIES, ids=DEPENDENCIES)
def test_should_expose_every_known_dependency_closed_before_any_report(dependency: str) -> None:
    sut = worker_metrics()

    text = exposition_text(sut)

    assert f'import_worker_circuit_state{{dependency="{dependency}"}} 0.0' in text


def test_should_expose_the_state_a_breaker_reported() -> None:
    sut = worker_metrics()

    sut.circuit_state("store", 2)

    assert 'import_worker_circuit_state{dependency="store"} 2.0' in exposition_text(sut)


def test_should_count_cache_requests_by_result() -> None:
    sut = worker_metrics()
    sut.cache_request("hit")

    sut.cache_request("hit")

    assert 'import_worker_cache_requests_total{result="hit"} 2.0' in exposition_text(sut)


@pytest.mark.parametrize("result", ["hit", "miss", "error"], ids=["hit", "miss", "error"])
def test_should_expose_every_cache_result_before_any_request(result: str) -> None:
    sut = worker_metrics()

    text = exposition_text(sut)

    assert f'import_worker_cache_requests_total{{result="{result}"}} 0.0' in text


def test_should_expose_pulling_from_the_start() -> None:
    sut = worker_metrics()

    text = exposition_text(sut)

    assert "import_worker_pulling 1.0" in text


def test_should_expose_a_paused_subscriber() -> None:
    sut = worker_metrics()

    sut.pulling(False)

    assert "import_worker_pulling 0.0" in exposition_text(sut)


def test_should_expose_the_pending_outbox_messages() -> None:
    sut = worker_metrics()

    sut.outbox_backlog(3, 1.5)

    assert "import_worker_outbox_pending 3.0" in exposition_text(sut)


def test_should_expose_the_age_of_the_oldest_outbox_message() -> None:
    sut = worker_metrics()

    sut.outbox_backlog(3, 1.5)

    assert "import_worker_outbox_oldest_age_seconds 1.5" in exposition_text(sut)


def test_should_expose_ready_before_any_check() -> None:
    sut = worker_metrics()

    text = exposition_text(sut)

    assert "import_worker_ready 1.0" in text


def test_should_expose_a_failed_readiness_check() -> None:
    sut = worker_metrics()

    sut.readiness(False)

    assert "import_worker_ready 0.0" in exposition_text(sut)
