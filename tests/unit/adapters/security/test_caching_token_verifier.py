import contextlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import jwt
import pytest

from adapters.security.caching_token_verifier import CachingTokenVerifier
from adapters.security.expiring_token_verifier import VerifiedToken
from adapters.security.jwt_token_verifier import JwtTokenVerifier
from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from application.errors import UnauthenticatedError
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from tests.fakes.stepping_clock import SteppingClock
from tests.unit.adapters.security.fake_expiring_token_verifier import FakeExpiringTokenVerifier
from tests.unit.adapters.security.token_builders import SECRET, hs256_token

ALICE = UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))
BOB = UserIdentity(subject="bob", roles=frozenset({UserRole.VIEWER}))
EXPIRY = 200.0
ACCEPTED = {
    "alice-token": VerifiedToken(identity=ALICE, accepted_until=EXPIRY),
    "bob-token": VerifiedToken(identity=BOB, accepted_until=EXPIRY),
    "carol-token": VerifiedToken(identity=ALICE, accepted_until=EXPIRY),
    "rotated-token": VerifiedToken(identity=ALICE, accepted_until=EXPIRY, key_id="old-key"),
}


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(now=100.0)


@pytest.fixture
def inner(clock: SteppingClock) -> FakeExpiringTokenVerifier:
    return FakeExpiringTokenVerifier(ACCEPTED, clock=clock)


@pytest.fixture
def sut(inner: FakeExpiringTokenVerifier, clock: SteppingClock) -> CachingTokenVerifier:
    return CachingTokenVerifier(inner, clock=clock)


@pytest.fixture
def small_sut(inner: FakeExpiringTokenVerifier, clock: SteppingClock) -> CachingTokenVerifier:
    return CachingTokenVerifier(inner, capacity=2, clock=clock)


def attempt(sut: CachingTokenVerifier, *tokens: str) -> None:
    for token in tokens:
        with contextlib.suppress(UnauthenticatedError):
            sut.verify(token)


def test_should_return_the_identity_the_verifier_accepted(sut: CachingTokenVerifier) -> None:
    identity = sut.verify("alice-token")

    assert identity == ALICE


def test_should_return_the_cached_identity_when_the_token_is_verified_again(
    sut: CachingTokenVerifier,
) -> None:
    sut.verify("alice-token")

    identity = sut.verify("alice-token")

    assert identity == ALICE


def test_should_not_ask_the_verifier_again_for_a_token_it_accepted(
    sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier
) -> None:
    sut.verify("alice-token")

    sut.verify("alice-token")

    assert inner.verified == ["alice-token"]


def test_should_answer_each_token_with_its_own_identity(sut: CachingTokenVerifier) -> None:
    sut.verify("alice-token")

    identity = sut.verify("bob-token")

    assert identity == BOB


def test_should_serve_a_cached_token_until_just_before_it_expires(
    sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier, clock: SteppingClock
) -> None:
    sut.verify("alice-token")
    clock.now = EXPIRY - 0.001

    sut.verify("alice-token")

    assert inner.verified == ["alice-token"]


@pytest.mark.parametrize("moment", [EXPIRY, EXPIRY + 3600], ids=["at-expiry", "long-after"])
def test_should_refuse_a_cached_token_once_it_has_expired(
    sut: CachingTokenVerifier, clock: SteppingClock, moment: float
) -> None:
    sut.verify("alice-token")
    clock.now = moment

    with pytest.raises(UnauthenticatedError, match="token expired"):
        sut.verify("alice-token")


def test_should_ask_the_verifier_again_once_a_cached_token_has_expired(
    sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier, clock: SteppingClock
) -> None:
    sut.verify("alice-token")
    clock.now = EXPIRY

    attempt(sut, "alice-token")

    assert inner.verified == ["alice-token", "alice-token"]


def test_should_ask_the_verifier_again_once_the_key_of_a_cached_token_is_withdrawn(
    sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier
) -> None:
    sut.verify("rotated-token")
    inner.withdrawn_keys.add("old-key")

    sut.verify("rotated-token")

    assert inner.verified == ["rotated-token", "rotated-token"]


def test_should_keep_serving_a_cached_token_whose_key_is_still_trusted(
    sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier
) -> None:
    sut.verify("rotated-token")
    inner.withdrawn_keys.add("another-key")

    sut.verify("rotated-token")

    assert inner.verified == ["rotated-token"]


def test_should_ask_the_verifier_every_time_for_a_refused_token(
    sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier
) -> None:
    attempt(sut, "forged-token")

    attempt(sut, "forged-token")

    assert inner.verified == ["forged-token", "forged-token"]


def test_should_forget_the_least_recently_used_token_beyond_capacity(
    small_sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier
) -> None:
    attempt(small_sut, "alice-token", "bob-token", "carol-token")

    attempt(small_sut, "alice-token")

    assert inner.verified.count("alice-token") == 2


def test_should_keep_a_recently_used_token_when_the_cache_is_full(
    small_sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier
) -> None:
    attempt(small_sut, "alice-token", "bob-token", "alice-token", "carol-token")

    attempt(small_sut, "alice-token")

    assert inner.verified.count("alice-token") == 1


def test_should_not_let_refused_tokens_evict_accepted_ones(
    small_sut: CachingTokenVerifier, inner: FakeExpiringTokenVerifier
) -> None:
    attempt(small_sut, "alice-token", "forged-1", "forged-2", "forged-3")

    attempt(small_sut, "alice-token")

    assert inner.verified.count("alice-token") == 1


def test_should_answer_every_thread_when_many_verify_at_once_through_a_full_cache(
    small_sut: CachingTokenVerifier,
) -> None:
    tokens = ["alice-token", "bob-token", "carol-token"] * 200
    with ThreadPoolExecutor(max_workers=8) as pool:
        identities = list(pool.map(small_sut.verify, tokens))

    assert identities == [ACCEPTED[token].identity for token in tokens]


@pytest.mark.parametrize("capacity", [0, -1], ids=["zero", "negative"])
def test_should_refuse_a_capacity_below_one(
    inner: FakeExpiringTokenVerifier, capacity: int
) -> None:
    with pytest.raises(ValueError, match="at least one token"):
        CachingTokenVerifier(inner, capacity=capacity)


def test_should_decode_a_signed_token_only_once_with_the_system_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decoded: list[str] = []
    real_decode = jwt.decode

    def counting_decode(token: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        decoded.append(token)
        return real_decode(token, *args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counting_decode)
    sut = CachingTokenVerifier(
        JwtTokenVerifier(SharedSecretKeyResolver(SECRET), algorithms=["HS256"])
    )
    token = hs256_token()
    sut.verify(token)

    sut.verify(token)

    assert decoded == [token]
