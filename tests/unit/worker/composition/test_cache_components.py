import pytest
from pydantic import SecretStr

from adapters.caching.null_cache import NullCache
from adapters.caching.redis_cache import RedisCache
from application.services.no_completed_imports import NoCompletedImports
from application.services.owing_cache import OwingCache
from shared.configuration import Settings
from tests.fakes.fake_cache import FakeCache
from tests.unit.shared.settings_environment import clear_settings_environment
from worker.bootstrap import bootstrap

MEMORY = SecretStr("memory://")
REDIS_SETTINGS = Settings(redis_url=SecretStr("redis://127.0.0.1:6379/0"), database_url=MEMORY)
NO_REDIS_SETTINGS = Settings(database_url=MEMORY)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_settings_environment(monkeypatch)


def test_should_use_a_null_cache_without_redis_url() -> None:
    cache = bootstrap(NO_REDIS_SETTINGS).caching.cache

    assert isinstance(cache, NullCache)


def test_should_build_no_redis_client_without_redis_url() -> None:
    redis = bootstrap(NO_REDIS_SETTINGS).caching.redis

    assert redis is None


def test_should_probe_no_cache_without_redis_url() -> None:
    probes = bootstrap(NO_REDIS_SETTINGS).caching.probes()

    assert probes == []


def test_should_use_redis_with_redis_url() -> None:
    redis = bootstrap(REDIS_SETTINGS).caching.redis

    assert isinstance(redis, RedisCache)


def test_should_keep_owing_the_markers_redis_could_not_take() -> None:
    cache = bootstrap(REDIS_SETTINGS).caching.cache

    assert isinstance(cache, OwingCache)


def test_should_probe_the_cache_with_redis_url() -> None:
    probes = bootstrap(REDIS_SETTINGS).caching.probes()

    assert [(probe.name, probe.optional) for probe in probes] == [("cache", True)]


def test_should_use_the_cache_a_test_gives() -> None:
    given = FakeCache()
    components = bootstrap(NO_REDIS_SETTINGS, cache=given)
    components.caching.cache.put_markers({"generations:people": b"g-1"})

    held = given.values

    assert held == {"generations:people": b"g-1"}


def test_should_close_the_redis_client_it_built() -> None:
    components = bootstrap(REDIS_SETTINGS)
    built = components.caching.redis

    components.close()

    assert components.caching.redis is built


@pytest.mark.parametrize("settings", [REDIS_SETTINGS, NO_REDIS_SETTINGS], ids=["redis", "no-redis"])
def test_should_build_no_redis_client_only_to_close_it(settings: Settings) -> None:
    components = bootstrap(settings)
    components.caching

    components.close()

    assert "redis" not in components.caching.__dict__


def test_should_close_after_finding_no_redis_url() -> None:
    components = bootstrap(NO_REDIS_SETTINGS)
    components.caching.cache

    components.close()

    assert components.caching.redis is None


def test_should_keep_no_completed_imports_without_a_cache() -> None:
    sut = bootstrap(Settings()).caching

    assert isinstance(sut.completed_imports(), NoCompletedImports)
