import base64
import json

import pytest

from adapters.security.jwks_key_resolver import JwksKeyResolver
from application.errors import DependencyUnavailableError
from tests.contract.worker.jwks_pact import JWKS_PACT, JWKS_PATH, KEY_ID, KEY_SET, UNAVAILABLE


def segment(document: dict[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()


TOKEN = f"{segment({'alg': 'ES256', 'kid': KEY_ID})}.{segment({'sub': 'ada'})}.c2ln"


def resolver(url: str) -> JwksKeyResolver:
    return JwksKeyResolver(f"{url}{JWKS_PATH}", allow_insecure_loopback=True)


def test_should_resolve_the_key_a_token_names_from_the_key_set() -> None:
    with JWKS_PACT.pact(KEY_SET).serve(addr="127.0.0.1") as identity_provider:
        key = resolver(str(identity_provider.url)).resolve(TOKEN)

    assert key.key_id == KEY_ID


def test_should_report_an_unavailable_key_set_as_a_dependency_outage() -> None:
    pact = JWKS_PACT.pact(UNAVAILABLE)
    with (
        pact.serve(addr="127.0.0.1") as identity_provider,
        pytest.raises(DependencyUnavailableError),
    ):
        resolver(str(identity_provider.url)).resolve(TOKEN)
