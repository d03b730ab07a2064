from adapters.caching.shared_key_sets import SharedKeySets
from adapters.security.jwt_token_issuer import JwtTokenIssuer
from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from adapters.security.token_verifier_factory import build_token_verifier
from application.ports.clock import Clock
from application.ports.secret_provider import SecretProvider
from application.ports.token_verifier import TokenVerifier
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from shared.resilience.dependency_policy import DependencyPolicy


def configured_verifier(
    settings: Settings,
    secrets: SecretProvider,
    key_sets: SharedKeySets,
    jwks_policy: DependencyPolicy,
) -> TokenVerifier | None:
    """The token verifier the AUTH_* settings describe; None when auth is disabled. A JWKS key set
    is fetched under the jwks policy and shared with the other replicas through the cache."""
    try:
        return build_token_verifier(
            mode=settings.auth_mode,
            secret=secrets.secret("AUTH_JWT_SECRET"),
            public_key=secrets.secret("AUTH_JWT_PUBLIC_KEY"),
            jwks_url=None if settings.auth_jwks_url is None else str(settings.auth_jwks_url),
            jwks_allow_insecure_loopback=settings.auth_jwks_allow_insecure_loopback,
            issuer=settings.auth_issuer,
            audience=settings.auth_audience,
            jwks_shared=key_sets,
            jwks_policy=jwks_policy,
        )
    except ValueError as error:
        raise ConfigurationError(str(error)) from error


def development_token_issuer(
    settings: Settings, secrets: SecretProvider, clock: Clock
) -> JwtTokenIssuer:
    secret = secrets.secret("AUTH_JWT_SECRET")
    if secret is None:
        raise ConfigurationError("AUTH_JWT_SECRET must be set to mint development tokens")
    try:
        SharedSecretKeyResolver(secret)
    except ValueError as error:
        raise ConfigurationError(str(error)) from error
    return JwtTokenIssuer(
        secret, clock=clock, issuer=settings.auth_issuer, audience=settings.auth_audience
    )
