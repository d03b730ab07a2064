import base64
import json
import time
from collections.abc import Sequence

import jwt

SHARED_SECRET = "e2e-shared-secret-0123456789abcdef0123456789abcdef"
FORGED_SECRET = "e2e-forged-secret-fedcba9876543210fedcba9876543210"
ISSUER = "https://issuer.e2e.test"
WRONG_ISSUER = "https://elsewhere.e2e.test"
VALID_SECONDS = 600


def signed_token(
    *,
    subject: str,
    roles: Sequence[str],
    secret: str = SHARED_SECRET,
    issuer: str = ISSUER,
    expires_in_seconds: int = VALID_SECONDS,
) -> str:
    claims = _claims(subject=subject, roles=roles, issuer=issuer, seconds=expires_in_seconds)
    return jwt.encode(claims, secret, algorithm="HS256")


def unsigned_token(*, subject: str, roles: Sequence[str]) -> str:
    header = _encoded({"alg": "none", "typ": "JWT"})
    claims = _encoded(_claims(subject=subject, roles=roles, issuer=ISSUER, seconds=VALID_SECONDS))
    return f"{header}.{claims}."


def bearer(token: str) -> str:
    return f"Bearer {token}"


def _claims(*, subject: str, roles: Sequence[str], issuer: str, seconds: int) -> dict[str, object]:
    now = int(time.time())
    return {"sub": subject, "roles": list(roles), "iss": issuer, "iat": now, "exp": now + seconds}


def _encoded(document: dict[str, object]) -> str:
    raw = json.dumps(document, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
