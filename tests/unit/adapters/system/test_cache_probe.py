from adapters.system.cache_probe import CacheProbe
from domain.health.health_status import HealthStatus
from tests.fakes.fake_cache import FakeCache


def test_should_report_the_cache_up_while_it_answers() -> None:
    sut = CacheProbe(FakeCache())

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_report_the_cache_down_while_it_cannot_answer() -> None:
    sut = CacheProbe(FakeCache(reachable=False))

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_name_its_check_cache() -> None:
    sut = CacheProbe(FakeCache())

    name = sut.name

    assert name == "cache"


def test_should_be_optional_so_that_a_cache_down_only_degrades_readiness() -> None:
    sut = CacheProbe(FakeCache())

    optional = sut.optional

    assert optional is True
