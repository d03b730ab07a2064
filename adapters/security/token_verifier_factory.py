import functools
from collections.abc import Callable, Sequence

from adapters.caching.shared_key_sets import SharedKeySets
from adapters.security.caching_token_verifier import CachingTokenVerifier
from adapters.security.jwks_key_resolver import JwksKeyResolver
from adapters.security.jwt_algorithms import default_algorithms
from adapters.security.jwt_token_verifier import JwtTokenVerifier
from adapters.security.pem_public_key_resolver import PemPublicKeyResolver
from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from adapters.security.signing_key_resolver import SigningKeyResolver
from application.ports.token_verifier import TokenVerifier
from shared.resilience.dependency_policy import DependencyPolicy

AUTH_MODES = ("jwt", "disabled")
MISSING_KEY = "AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL must be set when AUTH_MODE=jwt"
AMBIGUOUS_KEY = "set only one of AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY and AUTH_JWKS_URL"


def build_token_verifier(
    *,
    mode: str,
    secret: str | None = None,
    public_key: str | None = None,
    jwks_url: str | None = None,
    jwks_allow_insecure_loopback: bool = False,
    issuer: str | None = None,
    audience: str | None = None,
    algorithms: Sequence[str] | None = None,
    jwks_shared: SharedKeySets | None = None,
    jwks_policy: DependencyPolicy | None = None,
) -> TokenVerifier | None:
    if not _auth_enabled(mode):
        return None
    resolver = build_key_resolver(
        secret=secret,
        public_key=public_key,
        jwks_url=jwks_url,
        jwks_allow_insecure_loopback=jwks_allow_insecure_loopback,
        jwks_shared=jwks_shared,
        jwks_policy=jwks_policy,
    )
    return CachingTokenVerifier(
        JwtTokenVerifier(
            resolver,
            algorithms=algorithms or default_algorithms(resolver),
            issuer=_unless_blank(issuer),
            audience=_unless_blank(audience),
        )
    )


def build_key_resolver(
    *,
    secret: str | None,
    public_key: str | None,
    jwks_url: str | None,
    jwks_allow_insecure_loopback: bool = False,
    jwks_shared: SharedKeySets | None = None,
    jwks_policy: DependencyPolicy | None = None,
) -> SigningKeyResolver:
    builders: tuple[Callable[[str], SigningKeyResolver], ...] = (
        SharedSecretKeyResolver,
        PemPublicKeyResolver,
        functools.partial(
            JwksKeyResolver,
            allow_insecure_loopback=jwks_allow_insecure_loopback,
            shared=jwks_shared,
            policy=jwks_policy,
        ),
    )
    keys = zip(builders, (secret, public_key, jwks_url))
    configured = [(build, key) for build, key in keys if key]
    if not configured:
        raise ValueError(MISSING_KEY)
    if len(configured) > 1:
        raise ValueError(AMBIGUOUS_KEY)
    build, key = configured[0]
    return build(key)


def _auth_enabled(mode: str) -> bool:
    if mode not in AUTH_MODES:
        raise ValueError(f"AUTH_MODE must be one of {', '.join(AUTH_MODES)}")
    return mode == "jwt"


def _unless_blank(value: str | None) -> str | None:
    return value or None
