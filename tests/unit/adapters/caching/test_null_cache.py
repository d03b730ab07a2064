from adapters.caching.null_cache import NullCache
from adapters.system.cache_probe import CacheProbe
from domain.health.health_status import HealthStatus


def test_should_hold_nothing_it_was_given() -> None:
    sut = NullCache()
    sut.put_many({"imports:imp-1": b"{}"})
    sut.put_markers({"generations:people": b"g-1"})

    values = sut.get_many(["imports:imp-1", "generations:people"])

    assert values == [None, None]


def test_should_let_every_marker_stand_as_given() -> None:
    sut = NullCache()
    sut.add_marker("generations:people", b"g-1")

    standing = sut.add_marker("generations:people", b"g-2")

    assert standing == b"g-2"


def test_should_always_answer_a_probe() -> None:
    sut = CacheProbe(NullCache())

    result = sut.check()

    assert result.status is HealthStatus.UP
