from collections.abc import Callable, Mapping
from contextlib import suppress

import pytest

from application.errors import DependencyUnavailableError
from application.ports.cache import Cache
from application.services.owing_cache import OwingCache
from tests.fakes.fake_cache import FakeCache

MARKER = {"generations:people": b"g-2"}
ASKS: dict[str, Callable[[Cache], object]] = {
    "get_many": lambda cache: cache.get_many(["records:people:1"]),
    "put_many": lambda cache: cache.put_many({"records:people:1": b"{}"}),
    "add_marker": lambda cache: cache.add_marker("generations:orders", b"o-1"),
    "ping": lambda cache: cache.ping(),
}


class InterruptedCache(FakeCache):
    """Runs a step once, while it takes its first markers (another thread owing meanwhile)."""

    def __init__(self, meanwhile: Callable[[], None]) -> None:
        super().__init__()
        self._meanwhile: Callable[[], None] | None = meanwhile

    def put_markers(self, markers: Mapping[str, bytes]) -> None:
        step, self._meanwhile = self._meanwhile, None
        if step is not None:
            step()
        super().put_markers(markers)


def owing(cache: FakeCache) -> OwingCache:
    sut = OwingCache(cache)
    cache.reachable = False
    with pytest.raises(DependencyUnavailableError):
        sut.put_markers(MARKER)
    cache.reachable = True
    return sut


def test_should_write_markers_while_the_cache_answers() -> None:
    cache = FakeCache()
    sut = OwingCache(cache)

    sut.put_markers(MARKER)

    assert cache.values == MARKER


def test_should_raise_when_the_cache_cannot_take_markers() -> None:
    sut = OwingCache(FakeCache(reachable=False))

    with pytest.raises(DependencyUnavailableError):
        sut.put_markers(MARKER)


@pytest.mark.parametrize("ask", ASKS.values(), ids=ASKS.keys())
def test_should_pay_owed_markers_before_anything_else_asked_once_the_cache_answers(
    ask: Callable[[Cache], object],
) -> None:
    cache = FakeCache()
    sut = owing(cache)

    ask(sut)

    assert cache.values["generations:people"] == b"g-2"


def test_should_keep_owing_while_the_cache_cannot_answer() -> None:
    cache = FakeCache()
    sut = owing(cache)
    cache.reachable = False
    with suppress(DependencyUnavailableError):
        sut.get_many(["records:people:1"])
    cache.reachable = True

    sut.ping()

    assert cache.values == MARKER


def test_should_refuse_a_read_whose_owed_markers_cannot_be_paid() -> None:
    cache = FakeCache()
    sut = owing(cache)
    cache.reachable = False

    with pytest.raises(DependencyUnavailableError):
        sut.get_many(["records:people:1"])


def test_should_pay_each_owed_marker_only_once() -> None:
    cache = FakeCache()
    sut = owing(cache)
    sut.ping()
    cache.values["generations:people"] = b"g-3"

    sut.ping()

    assert cache.values["generations:people"] == b"g-3"


def test_should_keep_owing_a_marker_owed_again_while_the_first_was_paid() -> None:
    def meanwhile() -> None:
        cache.reachable = False
        with pytest.raises(DependencyUnavailableError):
            sut.put_markers({"generations:people": b"g-3"})
        cache.reachable = True

    cache = InterruptedCache(meanwhile)
    sut = OwingCache(cache)
    sut.put_markers(MARKER)

    sut.ping()

    assert cache.values["generations:people"] == b"g-3"
