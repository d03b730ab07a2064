import threading
from collections.abc import Iterator

import pytest

from adapters.system.time_bound_probe import TimeBoundProbe
from application.ports.health_probe import ProbeResult
from domain.health.health_status import HealthStatus
from tests.fakes.fake_health_probe import FakeHealthProbe
from tests.unit.adapters.system.probe_doubles import BlockingProbe, RaisingProbe

SHORT_TIMEOUT_SECONDS = 0.05


@pytest.fixture
def hanging_probe() -> Iterator[BlockingProbe]:
    probe = BlockingProbe()
    yield probe
    probe.release.set()


def test_should_answer_with_the_result_of_a_prompt_inner_probe() -> None:
    sut = TimeBoundProbe(FakeHealthProbe("repository", latency_ms=4.0), timeout_seconds=5.0)

    result = sut.check()

    assert result == ProbeResult(status=HealthStatus.UP, latency_ms=4.0)


def test_should_be_down_when_the_inner_probe_outlasts_the_timeout(
    hanging_probe: BlockingProbe,
) -> None:
    sut = TimeBoundProbe(hanging_probe, timeout_seconds=SHORT_TIMEOUT_SECONDS)

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_report_the_timeout_as_the_latency_of_a_timed_out_check(
    hanging_probe: BlockingProbe,
) -> None:
    sut = TimeBoundProbe(hanging_probe, timeout_seconds=SHORT_TIMEOUT_SECONDS)

    result = sut.check()

    assert result.latency_ms == SHORT_TIMEOUT_SECONDS * 1000.0


def test_should_not_start_another_inner_check_while_one_still_runs(
    hanging_probe: BlockingProbe,
) -> None:
    sut = TimeBoundProbe(hanging_probe, timeout_seconds=SHORT_TIMEOUT_SECONDS)
    sut.check()

    sut.check()

    assert hanging_probe.checks == 1


def test_should_start_a_fresh_inner_check_once_the_previous_one_finished() -> None:
    inner = FakeHealthProbe("repository")
    sut = TimeBoundProbe(inner, timeout_seconds=5.0)
    sut.check()

    sut.check()

    assert inner.checks == 2


def test_should_be_down_when_the_inner_probe_raises() -> None:
    sut = TimeBoundProbe(RaisingProbe(), timeout_seconds=5.0)

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_keep_the_name_of_the_inner_probe() -> None:
    sut = TimeBoundProbe(FakeHealthProbe("cache", optional=True), timeout_seconds=1.0)

    name = sut.name

    assert name == "cache"


def test_should_keep_whether_the_inner_probe_is_optional() -> None:
    sut = TimeBoundProbe(FakeHealthProbe("cache", optional=True), timeout_seconds=1.0)

    optional = sut.optional

    assert optional is True


def test_should_run_the_inner_check_on_a_daemon_thread_that_never_delays_exit(
    hanging_probe: BlockingProbe,
) -> None:
    sut = TimeBoundProbe(hanging_probe, timeout_seconds=SHORT_TIMEOUT_SECONDS)

    sut.check()

    assert {
        thread.daemon
        for thread in threading.enumerate()
        if thread.name == "health-probe-repository"
    } == {True}
