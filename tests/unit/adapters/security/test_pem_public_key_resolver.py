import pytest
from cryptography.hazmat.primitives.asymmetric import rsa, x25519

from adapters.security.pem_public_key_resolver import PemPublicKeyResolver
from tests.unit.adapters.security.token_builders import pem_of, private_pem, public_pem


@pytest.mark.parametrize(
    ("key_name", "expected"),
    [
        ("rsa_key", {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}),
        ("ec_key", {"ES256", "ES384", "ES512"}),
        ("ed25519_key", {"EdDSA"}),
        ("ed448_key", {"EdDSA"}),
    ],
    ids=["rsa", "ec", "ed25519", "ed448"],
)
def test_should_be_compatible_with_the_algorithms_of_the_key_type(
    request: pytest.FixtureRequest, key_name: str, expected: set[str]
) -> None:
    sut = PemPublicKeyResolver(public_pem(request.getfixturevalue(key_name)))

    algorithms = sut.compatible_algorithms

    assert algorithms == expected


def test_should_resolve_every_token_to_the_pem_text(rsa_key: rsa.RSAPrivateKey) -> None:
    pem = public_pem(rsa_key)
    sut = PemPublicKeyResolver(pem)

    key = sut.resolve("any.token.here")

    assert key == pem


@pytest.mark.parametrize(
    "text",
    ["", "not a key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"],
    ids=["empty", "plain-text", "broken-pem"],
)
def test_should_refuse_text_that_is_not_a_pem_public_key(text: str) -> None:
    with pytest.raises(ValueError, match="not a PEM-encoded public key"):
        PemPublicKeyResolver(text)


def test_should_refuse_a_private_key(rsa_key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(ValueError, match="not a PEM-encoded public key"):
        PemPublicKeyResolver(private_pem(rsa_key))


def test_should_refuse_a_key_type_that_cannot_sign() -> None:
    exchange_key = x25519.X25519PrivateKey.generate().public_key()

    with pytest.raises(ValueError, match="RSA, EC or Edwards-curve"):
        PemPublicKeyResolver(pem_of(exchange_key))
