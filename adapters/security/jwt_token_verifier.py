from collections.abc import Sequence
from typing import Any

import jwt

from adapters.security.expiring_token_verifier import ExpiringTokenVerifier, VerifiedToken
from adapters.security.jwt_algorithms import checked_algorithms
from adapters.security.jwt_claim_types import check_claim_types, is_list_of_strings
from adapters.security.jwt_rejection_reason import rejection_reason
from adapters.security.signing_key_resolver import SigningKeyResolver
from application.errors import UnauthenticatedError
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole

REQUIRED_CLAIMS = ("sub", "exp", "roles")
KNOWN_ROLES = frozenset(role.value for role in UserRole)


class JwtTokenVerifier(ExpiringTokenVerifier):
    def __init__(
        self,
        key_resolver: SigningKeyResolver,
        *,
        algorithms: Sequence[str],
        issuer: str | None = None,
        audience: str | None = None,
        leeway_seconds: float = 30.0,
    ) -> None:
        self._algorithms = checked_algorithms(algorithms, key_resolver)
        self._key_resolver = key_resolver
        self._issuer = issuer
        self._audience = audience
        self._leeway_seconds = leeway_seconds

    def verify_with_expiry(self, token: str) -> VerifiedToken:
        claims = self._decode(token)
        check_claim_types(claims)
        return VerifiedToken(
            identity=UserIdentity(subject=_subject(claims), roles=_roles(claims)),
            accepted_until=int(claims["exp"]) + self._leeway_seconds,
            key_id=jwt.get_unverified_header(token).get("kid"),
        )

    def still_trusted(self, verified: VerifiedToken) -> bool:
        return self._key_resolver.trusts(verified.key_id)

    def _decode(self, token: str) -> dict[str, Any]:
        try:
            return jwt.decode(
                token,
                key=self._key_resolver.resolve(token),
                algorithms=self._algorithms,
                issuer=self._issuer,
                audience=self._audience,
                leeway=self._leeway_seconds,
                options={
                    "require": self._required_claims(),
                    "verify_aud": self._audience is not None,
                    "enforce_minimum_key_length": True,
                },
            )
        except jwt.PyJWTError as error:
            raise UnauthenticatedError(rejection_reason(error)) from error

    def _required_claims(self) -> list[str]:
        optional = (("iss", self._issuer), ("aud", self._audience))
        return [*REQUIRED_CLAIMS, *(claim for claim, value in optional if value is not None)]


def _subject(claims: dict[str, Any]) -> str:
    subject: str = claims["sub"]
    if not subject:
        raise UnauthenticatedError("subject must be a non-empty string")
    return subject


def _roles(claims: dict[str, Any]) -> frozenset[UserRole]:
    roles = claims["roles"]
    if not is_list_of_strings(roles):
        raise UnauthenticatedError("roles claim must be a list of strings")
    return frozenset(UserRole(role) for role in roles if role in KNOWN_ROLES)
