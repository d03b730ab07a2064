import pytest

from application.events.result_event_codec import result_event_bytes
from application.services.cached_completed_imports import CachedCompletedImports
from domain.events.import_completed import ImportCompleted
from tests.fakes.fake_cache import FakeCache
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.unit.application.services.cache_examples import COMPLETED, FAILED, OTHER_COMPLETED

UNREADABLE_ENTRIES = {
    "not-json": b"{not json",
    "not-an-event": b'{"import_id": "imp-1"}',
    "not-an-object": b"[1, 2]",
    "failed": result_event_bytes(FAILED),
}


def completed_imports(
    cache: FakeCache, metrics: RecordingCacheMetrics | None = None
) -> CachedCompletedImports:
    return CachedCompletedImports(cache=cache, metrics=metrics or RecordingCacheMetrics())


def test_should_find_a_remembered_result_whole() -> None:
    sut = completed_imports(FakeCache())
    sut.remember([COMPLETED, OTHER_COMPLETED])

    found = sut.find("imp-1")

    assert found == COMPLETED


def test_should_find_nothing_for_an_import_never_remembered() -> None:
    sut = completed_imports(FakeCache())

    found = sut.find("imp-9")

    assert found is None


def test_should_remember_nothing_when_given_no_result() -> None:
    cache = FakeCache()
    sut = completed_imports(cache)

    sut.remember([])

    assert cache.values == {}


@pytest.mark.parametrize("entry", UNREADABLE_ENTRIES.values(), ids=UNREADABLE_ENTRIES.keys())
def test_should_find_nothing_in_an_entry_that_is_no_completed_result(entry: bytes) -> None:
    cache = FakeCache()
    cache.values["imports:imp-1"] = entry
    sut = completed_imports(cache)

    found = sut.find("imp-1")

    assert found is None


def test_should_find_nothing_while_the_cache_cannot_answer() -> None:
    cache = FakeCache()
    sut = completed_imports(cache)
    sut.remember([COMPLETED])
    cache.reachable = False

    found = sut.find("imp-1")

    assert found is None


def test_should_not_raise_when_the_cache_cannot_take_a_result() -> None:
    sut = completed_imports(FakeCache(reachable=False))

    sut.remember([COMPLETED])

    assert sut.find("imp-1") is None


@pytest.mark.parametrize(
    ("remembered", "expected"),
    [([COMPLETED], ["hit"]), ([], ["miss"])],
    ids=["hit", "miss"],
)
def test_should_count_each_lookup_as_a_hit_or_a_miss(
    remembered: list[ImportCompleted], expected: list[str]
) -> None:
    metrics = RecordingCacheMetrics()
    sut = completed_imports(FakeCache(), metrics)
    sut.remember(remembered)

    sut.find("imp-1")

    assert metrics.results == expected


def test_should_count_a_lookup_the_cache_could_not_answer_as_an_error() -> None:
    metrics = RecordingCacheMetrics()
    sut = completed_imports(FakeCache(reachable=False), metrics)

    sut.find("imp-1")

    assert metrics.results == ["error"]


def test_should_count_a_result_the_cache_could_not_take_as_an_error() -> None:
    metrics = RecordingCacheMetrics()
    sut = completed_imports(FakeCache(reachable=False), metrics)

    sut.remember([COMPLETED])

    assert metrics.results == ["error"]
