import base64
import hashlib
import hmac
import json
import time
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes

SECRET = "s3cret-for-tests-0123456789abcdef"
OTHER_SECRET = "another-secret-for-tests-987654321"

SigningKey = (
    rsa.RSAPrivateKey
    | ec.EllipticCurvePrivateKey
    | ed25519.Ed25519PrivateKey
    | ed448.Ed448PrivateKey
)


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base: dict[str, Any] = {"sub": "alice", "roles": ["importer"], "iat": now, "exp": now + 600}
    base.update(overrides)
    return {name: value for name, value in base.items() if value is not None}


def hs256_token(secret: str = SECRET, **overrides: Any) -> str:
    return jwt.encode(claims(**overrides), secret, algorithm="HS256")


def signed_token(key: SigningKey, algorithm: str, kid: str | None = None, **overrides: Any) -> str:
    headers = None if kid is None else {"kid": kid}
    return jwt.encode(claims(**overrides), key, algorithm=algorithm, headers=headers)


def unsigned_token(**overrides: Any) -> str:
    return f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{_segment(claims(**overrides))}."


def hmac_token_keyed_with(secret: bytes, **overrides: Any) -> str:
    signing_input = f"{_segment({'alg': 'HS256', 'typ': 'JWT'})}.{_segment(claims(**overrides))}"
    signature = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_encode(signature)}"


def public_pem(key: SigningKey) -> str:
    return pem_of(key.public_key())


def pem_of(public_key: PublicKeyTypes) -> str:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def private_pem(key: SigningKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def _segment(content: dict[str, Any]) -> str:
    return _encode(json.dumps(content).encode("utf-8"))


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
