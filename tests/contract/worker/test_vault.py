from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from adapters.security.vault_lease import VaultLease
from application.ports.database_credentials import DatabaseLogin
from domain.health.health_status import HealthStatus
from tests.contract.worker import vault_worker
from tests.contract.worker.vault_pact import (
    ACTIVE_HEALTH,
    APPROLE_LOGIN,
    DATABASE_CREDENTIALS,
    KUBERNETES_LOGIN,
    KV_SECRET,
    LEASE_ID,
    LEASE_RENEWAL,
    LEASE_REVOCATION,
    SEALED_HEALTH,
    SECRET,
    STANDBY_HEALTH,
    TOKEN_LOOKUP,
    TOKEN_RENEWAL,
    VAULT_PACT,
)
from tests.contract.worker.vault_worker import VaultWorker

TOKEN_LEASE = VaultLease(
    lease_id="auth/token/self", duration_seconds=3600, expires_at=3600, renewable=True
)
DUE_TWO_THIRDS_INTO_THE_RENEWAL = 2400.0 + 2400.0
Call = Callable[[VaultWorker], Any]
CALLS: dict[str, tuple[tuple[str, ...], Call, Any]] = {
    TOKEN_LOOKUP: ((), vault_worker.own_token, TOKEN_LEASE),
    TOKEN_RENEWAL: (
        (TOKEN_LOOKUP,),
        vault_worker.token_renewed_when_due,
        DUE_TWO_THIRDS_INTO_THE_RENEWAL,
    ),
    APPROLE_LOGIN: ((), vault_worker.approle_token, TOKEN_LEASE),
    KUBERNETES_LOGIN: ((), vault_worker.kubernetes_token, TOKEN_LEASE),
    KV_SECRET: ((TOKEN_LOOKUP,), vault_worker.jwt_secret, SECRET),
    DATABASE_CREDENTIALS: (
        (TOKEN_LOOKUP,),
        vault_worker.database_login,
        DatabaseLogin(user="v-import-worker-x1", password="pw", lease=LEASE_ID),
    ),
    LEASE_RENEWAL: (
        (TOKEN_LOOKUP, DATABASE_CREDENTIALS),
        vault_worker.lease_renewed_when_due,
        DUE_TWO_THIRDS_INTO_THE_RENEWAL,
    ),
    ACTIVE_HEALTH: ((), vault_worker.readiness, HealthStatus.UP),
    STANDBY_HEALTH: ((), vault_worker.readiness, HealthStatus.UP),
    SEALED_HEALTH: ((), vault_worker.readiness, HealthStatus.DEGRADED),
}


def test_should_make_every_request_of_the_vault_pact_through_the_adapter() -> None:
    exercised = {*CALLS, LEASE_REVOCATION}

    assert exercised == set(VAULT_PACT.interactions)


@pytest.mark.parametrize("description", list(CALLS))
def test_should_read_what_vault_answers_to_the_request_the_adapter_makes(
    description: str, tmp_path: Path
) -> None:
    before, call, expected = CALLS[description]
    with VAULT_PACT.pact(*before, description).serve(addr="127.0.0.1") as vault:
        answered = call(VaultWorker(address=str(vault.url), service_account_token=tmp_path / "sa"))

    assert answered == expected


def test_should_revoke_the_lease_it_holds_when_closed(tmp_path: Path) -> None:
    pact = VAULT_PACT.pact(TOKEN_LOOKUP, DATABASE_CREDENTIALS, LEASE_REVOCATION)
    with pact.serve(addr="127.0.0.1", raises=False) as vault:
        worker = VaultWorker(address=str(vault.url), service_account_token=tmp_path / "sa")
        credentials = worker.database_credentials()
        credentials.acquire()
        credentials.close()
        mismatches = vault.mismatches

    assert mismatches == []
