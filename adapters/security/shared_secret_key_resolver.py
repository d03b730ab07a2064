from adapters.security.jwt_algorithms import HMAC_ALGORITHMS
from adapters.security.signing_key_resolver import SigningKeyResolver

MINIMUM_SECRET_BYTES = 32


class SharedSecretKeyResolver(SigningKeyResolver):
    def __init__(self, secret: str) -> None:
        if len(secret.encode("utf-8")) < MINIMUM_SECRET_BYTES:
            raise ValueError(f"the shared JWT secret must be at least {MINIMUM_SECRET_BYTES} bytes")
        self._secret = secret

    @property
    def compatible_algorithms(self) -> frozenset[str]:
        return HMAC_ALGORITHMS

    def resolve(self, token: str) -> str:
        return self._secret
