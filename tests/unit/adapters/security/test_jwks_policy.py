from contextlib import suppress
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa

from adapters.security.jwks_key_resolver import JwksKeyResolver
from application.errors import DependencyUnavailableError
from shared.resilience.circuit_state import CircuitState
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings
from tests.support.jwks_server import JwksServer, rsa_jwk
from tests.support.policies import QUICK, quick_policy
from tests.unit.adapters.security.token_builders import signed_token

RETRYING = PolicySettings(
    attempts=3,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=1000,
    reset_seconds=60.0,
)
OPENING = PolicySettings(
    attempts=1,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=1,
    reset_seconds=60.0,
)
UNAVAILABLE = (503, b"{}")


def resolver(url: str, policy: DependencyPolicy, **options: Any) -> JwksKeyResolver:
    return JwksKeyResolver(url, allow_insecure_loopback=True, policy=policy, **options)


def published(jwks_server: JwksServer, key: rsa.RSAPrivateKey) -> tuple[int, bytes]:
    jwks_server.serve_keys(rsa_jwk(key, "rsa-1"))
    return jwks_server.responses[0]


def test_should_fetch_the_key_set_again_when_the_endpoint_failed_transiently(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.responses = [UNAVAILABLE, published(jwks_server, rsa_key)]
    sut = resolver(jwks_server.url, quick_policy("jwks", RETRYING))

    key = sut.resolve(signed_token(rsa_key, "RS256", kid="rsa-1"))

    assert key.key_id == "rsa-1"


def test_should_open_the_jwks_circuit_when_the_endpoint_keeps_failing(
    jwks_server: JwksServer,
) -> None:
    jwks_server.responses = [UNAVAILABLE]
    policy = quick_policy("jwks", OPENING)
    with suppress(DependencyUnavailableError):
        resolver(jwks_server.url, policy).trusts("rsa-1")

    assert policy.state is CircuitState.OPEN


def test_should_not_call_the_endpoint_while_the_jwks_circuit_is_open(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    jwks_server.responses = [UNAVAILABLE, published(jwks_server, rsa_key)]
    sut = resolver(jwks_server.url, quick_policy("jwks", OPENING))
    with suppress(DependencyUnavailableError):
        sut.trusts("rsa-1")
    with suppress(DependencyUnavailableError):
        sut.trusts("rsa-1")

    assert jwks_server.requests == 1


def test_should_keep_the_jwks_circuit_closed_when_a_fetch_succeeds(
    jwks_server: JwksServer, rsa_key: rsa.RSAPrivateKey
) -> None:
    published(jwks_server, rsa_key)
    policy = quick_policy("jwks", QUICK)

    resolver(jwks_server.url, policy).trusts("rsa-1")

    assert policy.state is CircuitState.CLOSED
