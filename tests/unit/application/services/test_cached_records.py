import logging
from collections.abc import Callable

import pytest

from application.ports.record_cache import RecordLookup
from application.services.cached_records import CachedRecords
from application.services.owing_cache import OwingCache
from domain.model.data_record import DataRecord
from tests.fakes.fake_cache import FakeCache
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.services.cache_examples import ADA, ORDER

UNREADABLE_ENTRIES = {
    "not-json": b"{not json",
    "not-an-object": b"[1, 2]",
    "no-values": b'{"generation": "%s", "dataset": "people", "key": ["1"]}',
}
FAILING_REQUESTS: dict[str, Callable[[CachedRecords], object]] = {
    "look-up": lambda sut: sut.look_up("people", ("1",)),
    "keep": lambda sut: sut.keep(RecordLookup(generation="g"), ADA),
    "invalidate": lambda sut: sut.invalidate({"people"}),
}


def cached_records(
    cache: FakeCache | OwingCache, metrics: RecordingCacheMetrics | None = None
) -> CachedRecords:
    return CachedRecords(
        cache=cache,
        generations=SequentialIdGenerator(),
        metrics=metrics or RecordingCacheMetrics(),
    )


def kept(sut: CachedRecords, *records: DataRecord) -> CachedRecords:
    for record in records:
        sut.keep(sut.look_up(record.dataset, record.key), record)
    return sut


def test_should_answer_a_kept_record_whole() -> None:
    sut = kept(cached_records(FakeCache()), ADA, ORDER)

    lookup = sut.look_up("people", ("1",))

    assert lookup.record == ADA


def test_should_find_nothing_for_a_key_never_kept() -> None:
    sut = kept(cached_records(FakeCache()), ADA)

    lookup = sut.look_up("people", ("2",))

    assert lookup.record is None


def test_should_not_answer_a_record_once_an_import_committed_into_its_dataset() -> None:
    sut = kept(cached_records(FakeCache()), ADA)

    sut.invalidate({"people"})

    assert sut.look_up("people", ("1",)).record is None


def test_should_keep_answering_records_of_a_dataset_no_import_committed_into() -> None:
    sut = kept(cached_records(FakeCache()), ADA, ORDER)

    sut.invalidate({"people"})

    assert sut.look_up("orders", ("1", "a")).record == ORDER


def test_should_not_answer_a_record_read_before_a_commit_and_kept_after_it() -> None:
    sut = cached_records(FakeCache())
    lookup = sut.look_up("people", ("1",))
    sut.invalidate({"people"})
    sut.keep(lookup, ADA)

    found = sut.look_up("people", ("1",))

    assert found.record is None


def test_should_not_answer_a_record_whose_generation_the_cache_lost() -> None:
    cache = FakeCache()
    sut = kept(cached_records(cache), ADA)
    del cache.values["generations:people"]

    lookup = sut.look_up("people", ("1",))

    assert lookup.record is None


@pytest.mark.parametrize("entry", UNREADABLE_ENTRIES.values(), ids=UNREADABLE_ENTRIES.keys())
def test_should_find_nothing_in_an_entry_that_is_no_record(entry: bytes) -> None:
    cache = FakeCache()
    sut = cached_records(cache)
    generation = sut.look_up("people", ("1",)).generation or ""
    cache.values['records:people:["1"]'] = entry.replace(b"%s", generation.encode())

    lookup = sut.look_up("people", ("1",))

    assert lookup.record is None


def test_should_find_nothing_and_keep_nothing_while_the_cache_cannot_answer() -> None:
    sut = cached_records(FakeCache(reachable=False))

    lookup = sut.look_up("people", ("1",))

    assert lookup == RecordLookup()


def test_should_keep_nothing_for_a_lookup_the_cache_could_not_answer() -> None:
    cache = FakeCache()
    sut = cached_records(cache)

    sut.keep(RecordLookup(), ADA)

    assert cache.values == {}


def test_should_not_raise_when_the_cache_cannot_take_a_record() -> None:
    cache = FakeCache()
    sut = cached_records(cache)
    lookup = sut.look_up("people", ("1",))
    cache.reachable = False

    sut.keep(lookup, ADA)

    assert sut.look_up("people", ("1",)).record is None


def test_should_ask_nothing_of_the_cache_when_no_dataset_changed() -> None:
    cache = FakeCache(reachable=False)
    metrics = RecordingCacheMetrics()
    sut = cached_records(cache, metrics)

    sut.invalidate(set())

    assert metrics.results == []


def test_should_warn_when_the_cache_cannot_take_a_commit_into_a_dataset(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sut = cached_records(FakeCache(reachable=False))

    with caplog.at_level(logging.WARNING):
        sut.invalidate({"people"})

    assert [record.getMessage() for record in caplog.records] == ["cache.invalidation_failed"]


def test_should_not_answer_a_stale_record_once_a_cache_cut_off_during_a_commit_answers() -> None:
    cache = FakeCache()
    sut = kept(cached_records(OwingCache(cache)), ADA)
    cache.reachable = False
    sut.invalidate({"people"})
    cache.reachable = True

    lookup = sut.look_up("people", ("1",))

    assert lookup.record is None


@pytest.mark.parametrize(
    ("key", "expected"),
    [(("1",), ["miss", "hit"]), (("2",), ["miss", "miss"])],
    ids=["hit", "miss"],
)
def test_should_count_each_lookup_as_a_hit_or_a_miss(key: tuple[str], expected: list[str]) -> None:
    metrics = RecordingCacheMetrics()
    sut = kept(cached_records(FakeCache(), metrics), ADA)

    sut.look_up("people", key)

    assert metrics.results == expected


@pytest.mark.parametrize("ask", FAILING_REQUESTS.values(), ids=FAILING_REQUESTS.keys())
def test_should_count_a_request_the_cache_could_not_answer_as_an_error(
    ask: Callable[[CachedRecords], object],
) -> None:
    metrics = RecordingCacheMetrics()
    sut = cached_records(FakeCache(reachable=False), metrics)

    ask(sut)

    assert metrics.results == ["error"]
