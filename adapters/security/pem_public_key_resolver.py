from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from adapters.security.jwt_algorithms import EC_ALGORITHMS, EDWARDS_ALGORITHMS, RSA_ALGORITHMS
from adapters.security.signing_key_resolver import SigningKeyResolver

ALGORITHMS_BY_KEY_TYPE: tuple[tuple[type[PublicKeyTypes], frozenset[str]], ...] = (
    (rsa.RSAPublicKey, RSA_ALGORITHMS),
    (ec.EllipticCurvePublicKey, EC_ALGORITHMS),
    (ed25519.Ed25519PublicKey, EDWARDS_ALGORITHMS),
    (ed448.Ed448PublicKey, EDWARDS_ALGORITHMS),
)


class PemPublicKeyResolver(SigningKeyResolver):
    """Takes the PEM text of a public key (not a file path)."""

    def __init__(self, pem: str) -> None:
        self._compatible_algorithms = _algorithms_for(_load(pem))
        self._pem = pem

    @property
    def compatible_algorithms(self) -> frozenset[str]:
        return self._compatible_algorithms

    def resolve(self, token: str) -> str:
        return self._pem


def _load(pem: str) -> PublicKeyTypes:
    try:
        return load_pem_public_key(pem.encode("utf-8"))
    except (ValueError, UnsupportedAlgorithm) as error:
        raise ValueError("the JWT public key is not a PEM-encoded public key") from error


def _algorithms_for(key: PublicKeyTypes) -> frozenset[str]:
    for key_type, algorithms in ALGORITHMS_BY_KEY_TYPE:
        if isinstance(key, key_type):
            return algorithms
    raise ValueError("the JWT public key must be an RSA, EC or Edwards-curve key")
