from collections.abc import Iterable

from adapters.security.signing_key_resolver import SigningKeyResolver

HMAC_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})
RSA_ALGORITHMS = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
EC_ALGORITHMS = frozenset({"ES256", "ES384", "ES512"})
EDWARDS_ALGORITHMS = frozenset({"EdDSA"})
ASYMMETRIC_ALGORITHMS = RSA_ALGORITHMS | EC_ALGORITHMS | EDWARDS_ALGORITHMS
PREFERRED_ALGORITHMS = frozenset({"HS256", "RS256", "ES256"})


def default_algorithms(resolver: SigningKeyResolver) -> tuple[str, ...]:
    return tuple(sorted(PREFERRED_ALGORITHMS & resolver.compatible_algorithms))


def checked_algorithms(algorithms: Iterable[str], resolver: SigningKeyResolver) -> list[str]:
    allowed = list(dict.fromkeys(algorithms))
    if not allowed:
        raise ValueError("at least one JWT algorithm must be allowed")
    if "none" in {algorithm.lower() for algorithm in allowed}:
        raise ValueError("the JWT algorithm 'none' is never allowed")
    unfit = sorted(set(allowed) - resolver.compatible_algorithms)
    if unfit:
        raise ValueError(f"JWT algorithms {unfit} do not fit the configured key")
    return allowed
