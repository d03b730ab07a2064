from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import jwt

from application.ports.clock import Clock

DEFAULT_TTL_SECONDS = 3600


class JwtTokenIssuer:
    """Development tool: mints signed tokens with the claims the worker requires."""

    def __init__(
        self,
        signing_key: str,
        *,
        clock: Clock,
        algorithm: str = "HS256",
        issuer: str | None = None,
        audience: str | None = None,
        key_id: str | None = None,
    ) -> None:
        _ensure_key_fits(signing_key, algorithm)
        self._signing_key = signing_key
        self._clock = clock
        self._algorithm = algorithm
        self._registered_claims = {"iss": issuer, "aud": audience}
        self._headers = None if key_id is None else {"kid": key_id}

    def issue(
        self, *, subject: str, roles: Sequence[str], ttl_seconds: int = DEFAULT_TTL_SECONDS
    ) -> str:
        if not subject or ttl_seconds <= 0:
            raise ValueError("a token needs a subject and a positive lifetime")
        return jwt.encode(
            self._claims(subject, roles, ttl_seconds),
            self._signing_key,
            algorithm=self._algorithm,
            headers=self._headers,
        )

    def _claims(self, subject: str, roles: Sequence[str], ttl_seconds: int) -> dict[str, Any]:
        issued_at = self._clock.now()
        configured = {claim: value for claim, value in self._registered_claims.items() if value}
        return {
            "sub": subject,
            "roles": list(roles),
            "iat": issued_at,
            "exp": issued_at + timedelta(seconds=ttl_seconds),
            **configured,
        }


def _ensure_key_fits(signing_key: str, algorithm: str) -> None:
    if algorithm.lower() == "none":
        raise ValueError("the JWT algorithm 'none' is never allowed")
    try:
        jwt.get_algorithm_by_name(algorithm).prepare_key(signing_key)
    except (NotImplementedError, ValueError, TypeError, jwt.PyJWTError) as error:
        raise ValueError(f"the signing key does not fit the JWT algorithm {algorithm}") from error
