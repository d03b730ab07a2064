import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_login import approle_login
from tests.fakes.stepping_clock import SteppingClock
from tests.support.vault_stand_in import VaultStandIn, serving_vault
from tests.support.vault_state import DatabaseRole, VaultState
from tests.unit.adapters.security.jwks_server import JwksServer

ROLE_ID = "import-worker-role"
SECRET_ID = "an-approle-secret-id"
SERVICE_ACCOUNT_JWT = "eyJhbGciOiJSUzI1NiJ9.service-account.signature"
JWT_SECRET = "a-jwt-secret-of-at-least-32-bytes!"


@pytest.fixture(scope="session")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def other_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def ec_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture(scope="session")
def ed25519_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def ed448_key() -> ed448.Ed448PrivateKey:
    return ed448.Ed448PrivateKey.generate()


@pytest.fixture
def jwks_server() -> Iterator[JwksServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    jwks = JwksServer(server)
    server.RequestHandlerClass = _handler_for(jwks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield jwks
    server.shutdown()
    server.server_close()
    thread.join()


def _handler_for(jwks: JwksServer) -> type[BaseHTTPRequestHandler]:
    class JwksHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = jwks.next_response()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return JwksHandler


@pytest.fixture
def vault_clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def vault_state(vault_clock: SteppingClock) -> VaultState:
    return VaultState(
        clock=vault_clock,
        token_ttl=60,
        token_max_ttl=120,
        approles={ROLE_ID: SECRET_ID},
        kubernetes_roles={"import-worker": SERVICE_ACCOUNT_JWT},
        kv={"secret": {"import-worker": {"jwt_secret": JWT_SECRET, "port": 5432}}},
        database_roles={"import-worker": DatabaseRole(default_ttl=30, max_ttl=60)},
    )


@pytest.fixture
def vault(vault_state: VaultState) -> Iterator[VaultStandIn]:
    with serving_vault(vault_state) as stand_in:
        yield stand_in


@pytest.fixture
def vault_client(vault: VaultStandIn, vault_clock: SteppingClock) -> HvacVaultClient:
    return HvacVaultClient(
        address=vault.address, login=approle_login(ROLE_ID, SECRET_ID), clock=vault_clock
    )
