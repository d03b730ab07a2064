import pytest

from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from tests.unit.adapters.security.token_builders import SECRET, hs256_token


def test_should_resolve_every_token_to_the_shared_secret() -> None:
    sut = SharedSecretKeyResolver(SECRET)

    key = sut.resolve(hs256_token())

    assert key == SECRET


def test_should_be_compatible_with_hmac_algorithms_only() -> None:
    sut = SharedSecretKeyResolver(SECRET)

    algorithms = sut.compatible_algorithms

    assert algorithms == frozenset({"HS256", "HS384", "HS512"})


@pytest.mark.parametrize("secret", ["", "short", "x" * 31], ids=["empty", "short", "31-bytes"])
def test_should_refuse_secret_shorter_than_32_bytes(secret: str) -> None:
    with pytest.raises(ValueError, match="at least 32 bytes"):
        SharedSecretKeyResolver(secret)
