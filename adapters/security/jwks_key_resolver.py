import jwt

from adapters.security.jwt_algorithms import ASYMMETRIC_ALGORITHMS
from adapters.security.signing_key_resolver import SigningKeyResolver
from application.errors import DependencyUnavailableError, UnauthenticatedError

PROVIDER_FAILURES = (jwt.PyJWKClientError, jwt.PyJWKSetError, ValueError)


class JwksKeyResolver(SigningKeyResolver):
    """Fetches signing keys from a JWKS address and caches the set; never trusts symmetric keys."""

    def __init__(
        self,
        url: str,
        *,
        timeout_seconds: float = 5.0,
        cache_lifespan_seconds: float = 300.0,
        refresh_cooldown_seconds: float = 30.0,
    ) -> None:
        try:
            self._client = jwt.PyJWKClient(
                url,
                cache_jwk_set=True,
                lifespan=cache_lifespan_seconds,
                timeout=timeout_seconds,
                cooldown_duration=refresh_cooldown_seconds,
            )
        except jwt.PyJWKClientError as error:
            raise ValueError("the JWKS address must be an http or https URL") from error

    @property
    def compatible_algorithms(self) -> frozenset[str]:
        return ASYMMETRIC_ALGORITHMS

    def resolve(self, token: str) -> jwt.PyJWK:
        key_id = _key_id(token)
        self._ensure_key_set_available()
        try:
            return self._client.get_signing_key(key_id)
        except (jwt.PyJWKClientConnectionError, jwt.PyJWKSetError, ValueError) as error:
            raise DependencyUnavailableError("the JWKS endpoint is unavailable") from error
        except jwt.PyJWKClientError as error:
            raise UnauthenticatedError("token signed with an unknown key") from error

    def _ensure_key_set_available(self) -> None:
        try:
            self._client.get_signing_keys()
        except PROVIDER_FAILURES as error:
            raise DependencyUnavailableError("the JWKS endpoint is unavailable") from error


def _key_id(token: str) -> str:
    try:
        key_id = jwt.get_unverified_header(token).get("kid")
    except jwt.PyJWTError as error:
        raise UnauthenticatedError("malformed token") from error
    if not isinstance(key_id, str):
        raise UnauthenticatedError("token names no signing key")
    return key_id
