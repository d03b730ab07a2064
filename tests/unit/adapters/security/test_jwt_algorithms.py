import pytest

from adapters.security.jwt_algorithms import default_algorithms, checked_algorithms
from adapters.security.signing_key_resolver import SigningKeyResolver


class StubKeyResolver(SigningKeyResolver):

    def __init__(self, *algorithms: str) -> None:
        self._algorithms = frozenset(algorithms)

    @property
    def compatible_algorithms(self) -> frozenset[str]:
        return self._algorithms

    def resolve(self, token: str) -> str:
        return "unused"


@pytest.mark.parametrize(
    ("compatible", "expected"),
    [
        (("HS256", "HS384", "HS512"), ("HS256",)),
        (("RS256", "PS256"), ("RS256",)),
        (("RS256", "ES256", "EdDSA"), ("ES256", "RS256")),
        (("EdDSA",), ()),
    ],
    ids=["shared-secret", "rsa-key", "jwks", "edwards-key"],
)
def test_should_default_to_the_preferred_algorithms_the_key_supports(
    compatible: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    resolver = StubKeyResolver(*compatible)

    algorithms = default_algorithms(resolver)

    assert algorithms == expected


@pytest.mark.parametrize(
    ("algorithms", "message"),
    [
        ([], "at least one"),
        (["HS256", "none"], "'none' is never allowed"),
        (["None"], "'none' is never allowed"),
        (["HS256", "RS256"], r"\['RS256'\] do not fit"),
    ],
    ids=["empty", "none", "none-capitalised", "unfit"],
)
def test_should_refuse_algorithms_that_are_unsafe_or_do_not_fit_the_key(
    algorithms: list[str], message: str
) -> None:
    resolver = StubKeyResolver("HS256")

    with pytest.raises(ValueError, match=message):
        checked_algorithms(algorithms, resolver)


def test_should_keep_algorithms_that_fit_the_key_once_in_configured_order() -> None:
    resolver = StubKeyResolver("RS256", "ES256")

    algorithms = checked_algorithms(["ES256", "RS256", "ES256"], resolver)

    assert algorithms == ["ES256", "RS256"]
