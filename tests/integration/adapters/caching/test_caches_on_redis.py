import pytest

from adapters.caching.redis_cache import RedisCache
from adapters.system.cache_probe import CacheProbe
from adapters.system.uuid_id_generator import UuidIdGenerator
from application.services.cached_completed_imports import CachedCompletedImports
from application.services.cached_records import CachedRecords
from application.services.owing_cache import OwingCache
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.integration.adapters.caching.redis_caches import cache_policy, movable_cache, moved
from tests.unit.application.services.cache_examples import ADA, COMPLETED
from tools.pubsub_emulator import free_port

pytestmark = pytest.mark.integration

REDIS_PORT = 6379


def records(cache: RedisCache | OwingCache) -> CachedRecords:
    return CachedRecords(
        cache=cache, generations=UuidIdGenerator(), metrics=RecordingCacheMetrics()
    )


def test_should_find_a_completed_result_remembered_in_redis_whole(sut: RedisCache) -> None:
    CachedCompletedImports(cache=sut, metrics=RecordingCacheMetrics()).remember([COMPLETED])

    found = CachedCompletedImports(cache=sut, metrics=RecordingCacheMetrics()).find("imp-1")

    assert found == COMPLETED


def test_should_answer_a_record_kept_in_redis_whole(sut: RedisCache) -> None:
    reader = records(sut)
    reader.keep(reader.look_up("people", ("1",)), ADA)

    lookup = records(sut).look_up("people", ("1",))

    assert lookup.record == ADA


def test_should_not_answer_a_stale_record_once_redis_is_back_for_a_writer_cut_off_in_a_commit(
    sut: RedisCache, cache_prefix: str
) -> None:
    reader = records(sut)
    reader.keep(reader.look_up("people", ("1",)), ADA)
    cut_off, client = movable_cache(free_port(), cache_prefix, cache_policy())
    writer_cache = OwingCache(cut_off)
    records(writer_cache).invalidate({"people"})
    moved(client, REDIS_PORT)
    CacheProbe(writer_cache).check()

    lookup = reader.look_up("people", ("1",))

    assert lookup.record is None
