import time
from collections.abc import Iterator

import psycopg
import pytest

from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_database_credentials import VaultDatabaseCredentials
from adapters.security.vault_lease_renewal import VaultLeaseRenewal
from adapters.security.vault_login import approle_login
from adapters.security.vault_token_keeper import VaultTokenKeeper
from application.errors import DependencyUnavailableError
from tests.support.postgres_accounts import PostgresAccounts
from tests.support.vault_stand_in import serving_vault
from tests.support.vault_state import DatabaseRole, VaultState

pytestmark = pytest.mark.integration

Admin = psycopg.Connection[tuple[object, ...]]
WAIT_SECONDS = 20.0
ROTATED = {"rotated": True, "first_role_exists": False}


@pytest.fixture
def rotating(
    postgres_url: str, postgres_schema: str, group_role: str
) -> Iterator[tuple[PostgresUnitOfWork, VaultDatabaseCredentials]]:
    state = VaultState(
        accounts=PostgresAccounts(postgres_url, group=group_role),
        approles={"role": "secret"},
        database_roles={"import-worker": DatabaseRole(default_ttl=6, max_ttl=6)},
    )
    with serving_vault(state) as vault:
        client = HvacVaultClient(address=vault.address, login=approle_login("role", "secret"))
        credentials = VaultDatabaseCredentials(client, role="import-worker")
        renewal = VaultLeaseRenewal(
            [VaultTokenKeeper(client), credentials],
            retry_seconds=0.2,
            on_close=credentials.close,
        )
        uow = PostgresUnitOfWork(
            f"postgresql://127.0.0.1:5432/test?options=-crole%3D{group_role}",
            schema=postgres_schema,
            credentials=credentials,
        )
        renewal.start()
        yield uow, credentials
        uow.close()
        renewal.close()


def session_user(uow: PostgresUnitOfWork, admin: Admin) -> str | None:
    try:
        with uow as unit:
            unit.records.count("people")
            rows = admin.execute(
                "SELECT usename FROM pg_stat_activity"
                " WHERE usename LIKE 'v-approle-%' AND state = 'idle in transaction'"
            ).fetchall()
    except DependencyUnavailableError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def role_exists(admin: Admin, name: str) -> bool:
    return (
        admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None
    )


def test_should_rotate_the_leased_login_under_a_running_store(
    rotating: tuple[PostgresUnitOfWork, VaultDatabaseCredentials], postgres_admin: Admin
) -> None:
    uow, _ = rotating
    first = session_user(uow, postgres_admin) or pytest.fail("no first login")
    deadline = time.monotonic() + WAIT_SECONDS
    seen = {"rotated": False, "first_role_exists": True}
    while time.monotonic() < deadline and seen != ROTATED:
        time.sleep(0.2)
        seen = {
            "rotated": session_user(uow, postgres_admin) not in (first, None),
            "first_role_exists": role_exists(postgres_admin, first),
        }

    assert seen == ROTATED
