import jwt
from jwt.exceptions import InvalidSubjectError

REASONS: tuple[tuple[type[jwt.PyJWTError], str], ...] = (
    (jwt.ExpiredSignatureError, "token expired"),
    (jwt.ImmatureSignatureError, "token not yet valid"),
    (jwt.InvalidSignatureError, "bad signature"),
    (jwt.InvalidIssuerError, "wrong issuer"),
    (jwt.InvalidAudienceError, "wrong audience"),
    (jwt.InvalidAlgorithmError, "algorithm not allowed"),
    (jwt.InvalidKeyError, "key does not fit the token"),
    (jwt.PyJWKError, "key does not fit the token"),
    (InvalidSubjectError, "subject is not a string"),
    (jwt.DecodeError, "malformed token"),
)


def rejection_reason(error: jwt.PyJWTError) -> str:
    if isinstance(error, jwt.MissingRequiredClaimError):
        return f"missing claim {error.claim}"
    return next((reason for kind, reason in REASONS if isinstance(error, kind)), "invalid token")
