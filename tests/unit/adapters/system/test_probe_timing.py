import logging
from collections.abc import Callable

import pytest

from adapters.system.probe_timing import timed_check
from domain.health.health_status import HealthStatus


def fail() -> None:
    raise ConnectionError("refused")


def test_should_be_up_when_the_dependency_answers() -> None:
    result = timed_check("repository", lambda: 42)

    assert result.status is HealthStatus.UP


def test_should_be_down_when_the_dependency_raises() -> None:
    result = timed_check("repository", fail)

    assert result.status is HealthStatus.DOWN


@pytest.mark.parametrize("exercise", [lambda: None, fail], ids=["answering", "raising"])
def test_should_measure_a_latency_in_milliseconds(exercise: Callable[[], object]) -> None:
    result = timed_check("repository", exercise)

    assert result.latency_ms >= 0.0


def test_should_log_which_probe_failed_and_why(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)

    timed_check("repository", fail)

    assert [(vars(record)["probe"], vars(record)["error"]) for record in caplog.records] == [
        ("repository", "ConnectionError")
    ]
