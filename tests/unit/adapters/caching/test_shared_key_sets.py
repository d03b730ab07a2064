import pytest

from adapters.caching.shared_key_sets import SharedKeySets
from tests.fakes.fake_cache import FakeCache

ADDRESS = "https://auth.example.com/.well-known/jwks.json"
KEY_SET = {"keys": [{"kty": "RSA", "kid": "rsa-1", "n": "AQAB", "e": "AQAB"}]}
UNREADABLE = {"not-json": b"{not json", "not-an-object": b"[1, 2]"}


def test_should_find_a_key_set_another_replica_shared() -> None:
    cache = FakeCache()
    SharedKeySets(cache).share(ADDRESS, KEY_SET)
    sut = SharedKeySets(cache)

    found = sut.find(ADDRESS)

    assert found == KEY_SET


def test_should_find_nothing_for_another_address() -> None:
    sut = SharedKeySets(FakeCache())
    sut.share(ADDRESS, KEY_SET)

    found = sut.find("https://other.example.com/jwks.json")

    assert found is None


@pytest.mark.parametrize("value", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_should_find_nothing_in_an_entry_that_is_no_key_set(value: bytes) -> None:
    cache = FakeCache()
    sut = SharedKeySets(cache)
    sut.share(ADDRESS, KEY_SET)
    [key] = cache.values
    cache.values[key] = value

    found = sut.find(ADDRESS)

    assert found is None


def test_should_find_nothing_while_the_cache_cannot_answer() -> None:
    cache = FakeCache()
    sut = SharedKeySets(cache)
    sut.share(ADDRESS, KEY_SET)
    cache.reachable = False

    found = sut.find(ADDRESS)

    assert found is None


def test_should_share_nothing_without_raising_while_the_cache_cannot_answer() -> None:
    cache = FakeCache(reachable=False)
    sut = SharedKeySets(cache)

    sut.share(ADDRESS, KEY_SET)

    assert cache.values == {}


def test_should_keep_the_address_out_of_the_cache_key() -> None:
    cache = FakeCache()
    sut = SharedKeySets(cache)

    sut.share(ADDRESS, KEY_SET)

    assert all("auth.example.com" not in key for key in cache.values)
