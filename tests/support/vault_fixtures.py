from collections.abc import Iterator

import pytest

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_login import approle_login
from tests.fakes.stepping_clock import SteppingClock
from tests.support.vault_stand_in import VaultStandIn, serving_vault
from tests.support.vault_state import DatabaseRole, VaultState

ROLE_ID = "import-worker-role"
SECRET_ID = "an-approle-secret-id"
SERVICE_ACCOUNT_JWT = "eyJhbGciOiJSUzI1NiJ9.service-account.signature"
JWT_SECRET = "a-jwt-secret-of-at-least-32-bytes!"


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
