from pact import Pact, match

from tests.contract.pact_documents import PactDocument

KEY_ID = "import-signing-2026"
JWKS_PATH = "/.well-known/jwks.json"
SIGNING_KEY = {
    "kty": "EC",
    "crv": "P-256",
    "x": "Hm0hoGThOi4VtqAFdMo_8LhERwj2VWse8xQLVoqe1-0",
    "y": "EqzDWEKT12s31SIpjFCvroJtCwSn9veutN5GDqoFgIo",
}
BASE64URL = r"^[A-Za-z0-9_-]+$"


def _key_set(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description)
        .given(f"the key set holds the ES256 signing key {KEY_ID}")
        .with_request("GET", JWKS_PATH)
        .will_respond_with(200)
        .with_body(
            {
                "keys": match.each_like(
                    {
                        "kty": "EC",
                        "crv": "P-256",
                        "kid": match.str(KEY_ID),
                        "use": "sig",
                        "alg": "ES256",
                        "x": match.regex(SIGNING_KEY["x"], regex=BASE64URL),
                        "y": match.regex(SIGNING_KEY["y"], regex=BASE64URL),
                    }
                )
            },
            content_type="application/json",
        )
    )


def _unavailable(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description)
        .given("the identity provider is unavailable")
        .with_request("GET", JWKS_PATH)
        .will_respond_with(503)
    )


KEY_SET = "a request for the signing keys"
UNAVAILABLE = "a request for the signing keys while the identity provider is unavailable"
JWKS_PACT = PactDocument(
    consumer="import-worker",
    provider="jwks-endpoint",
    interactions={KEY_SET: _key_set, UNAVAILABLE: _unavailable},
)
