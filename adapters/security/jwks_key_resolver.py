import ssl

import jwt

from adapters.caching.null_cache import NullCache
from adapters.caching.shared_key_sets import SharedKeySets
from adapters.security.jwks_address import checked_jwks_address
from adapters.security.jwks_http_client import JwksHttpClient
from adapters.security.jwt_algorithms import ASYMMETRIC_ALGORITHMS
from adapters.security.signing_key_resolver import SigningKeyResolver
from application.errors import DependencyUnavailableError, UnauthenticatedError
from shared.resilience.dependency_policy import DependencyPolicy

PROVIDER_FAILURES = (jwt.PyJWKClientError, jwt.PyJWKSetError, ValueError)
DEFAULT_MAX_JWKS_BYTES = 1024 * 1024


class JwksKeyResolver(SigningKeyResolver):
    """Fetches signing keys from a JWKS address and caches the set, sharing it with the other
    replicas when given shared key sets; never trusts symmetric keys."""

    def __init__(
        self,
        url: str,
        *,
        allow_insecure_loopback: bool = False,
        ssl_context: ssl.SSLContext | None = None,
        max_bytes: int = DEFAULT_MAX_JWKS_BYTES,
        timeout_seconds: float = 5.0,
        cache_lifespan_seconds: float = 300.0,
        refresh_cooldown_seconds: float = 30.0,
        shared: SharedKeySets | None = None,
        policy: DependencyPolicy | None = None,
    ) -> None:
        self._client = JwksHttpClient(
            checked_jwks_address(url, allow_insecure_loopback=allow_insecure_loopback),
            max_bytes=max_bytes,
            shared=shared or SharedKeySets(NullCache()),
            ssl_context=ssl_context,
            allow_http=allow_insecure_loopback,
            policy=policy,
            cache_jwk_set=True,
            lifespan=cache_lifespan_seconds,
            timeout=timeout_seconds,
            cooldown_duration=refresh_cooldown_seconds,
        )

    @property
    def compatible_algorithms(self) -> frozenset[str]:
        return ASYMMETRIC_ALGORITHMS

    def resolve(self, token: str) -> jwt.PyJWK:
        key_id = _key_id(token)
        self._signing_keys()
        try:
            return self._client.get_signing_key(key_id)
        except (jwt.PyJWKSetError, ValueError) as error:
            raise unavailable(error) from error
        except jwt.PyJWKClientError as error:
            raise UnauthenticatedError("token signed with an unknown key") from error

    def trusts(self, key_id: str | None) -> bool:
        return any(key.key_id == key_id for key in self._signing_keys())

    def _signing_keys(self) -> list[jwt.PyJWK]:
        try:
            return self._client.get_signing_keys()
        except PROVIDER_FAILURES as error:
            raise unavailable(error) from error


def unavailable(error: Exception) -> DependencyUnavailableError:
    return DependencyUnavailableError(f"the JWKS endpoint is unavailable: {error}")


def _key_id(token: str) -> str:
    try:
        key_id = jwt.get_unverified_header(token).get("kid")
    except jwt.PyJWTError as error:
        raise UnauthenticatedError("malformed token") from error
    if not isinstance(key_id, str):
        raise UnauthenticatedError("token names no signing key")
    return key_id
