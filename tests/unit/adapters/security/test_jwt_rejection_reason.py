import jwt
import pytest
from jwt.exceptions import InvalidJTIError, InvalidSubjectError

from adapters.security.jwt_rejection_reason import rejection_reason


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (jwt.ExpiredSignatureError(), "token expired"),
        (jwt.ImmatureSignatureError(), "token not yet valid"),
        (jwt.InvalidSignatureError(), "bad signature"),
        (jwt.InvalidIssuerError(), "wrong issuer"),
        (jwt.InvalidAudienceError(), "wrong audience"),
        (jwt.InvalidAlgorithmError(), "algorithm not allowed"),
        (jwt.InvalidKeyError(), "key does not fit the token"),
        (jwt.PyJWKError(), "key does not fit the token"),
        (InvalidSubjectError(), "subject is not a string"),
        (jwt.DecodeError(), "malformed token"),
        (jwt.MissingRequiredClaimError("roles"), "missing claim roles"),
        (InvalidJTIError(), "invalid token"),
        (jwt.PyJWTError(), "invalid token"),
    ],
    ids=[
        "expired",
        "immature",
        "signature",
        "issuer",
        "audience",
        "algorithm",
        "key",
        "jwk",
        "subject",
        "decode",
        "missing-claim",
        "jti",
        "other",
    ],
)
def test_should_name_a_short_reason_for_each_rejection(error: jwt.PyJWTError, reason: str) -> None:
    described = rejection_reason(error)

    assert described == reason
