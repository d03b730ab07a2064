from adapters.system.cached_probe import CachedProbe
from application.ports.health_probe import ProbeResult
from domain.health.health_status import HealthStatus
from tests.fakes.fake_health_probe import FakeHealthProbe
from tests.fakes.stepping_clock import SteppingClock


def test_should_answer_with_the_result_of_the_inner_probe() -> None:
    sut = CachedProbe(FakeHealthProbe("cache", status=HealthStatus.DOWN, latency_ms=7.0))

    result = sut.check()

    assert result == ProbeResult(status=HealthStatus.DOWN, latency_ms=7.0)


def test_should_reuse_a_result_younger_than_its_time_to_live() -> None:
    inner = FakeHealthProbe("repository")
    clock = SteppingClock()
    sut = CachedProbe(inner, ttl_seconds=2.0, clock=clock)
    sut.check()
    clock.now += 1.9

    sut.check()

    assert inner.checks == 1


def test_should_check_again_once_the_result_is_as_old_as_its_time_to_live() -> None:
    inner = FakeHealthProbe("repository")
    clock = SteppingClock()
    sut = CachedProbe(inner, ttl_seconds=2.0, clock=clock)
    sut.check()
    clock.now += 2.0

    sut.check()

    assert inner.checks == 2


def test_should_keep_the_name_of_the_inner_probe() -> None:
    sut = CachedProbe(FakeHealthProbe("cache", optional=True))

    name = sut.name

    assert name == "cache"


def test_should_keep_whether_the_inner_probe_is_optional() -> None:
    sut = CachedProbe(FakeHealthProbe("cache", optional=True))

    optional = sut.optional

    assert optional is True
