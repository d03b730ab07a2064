import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql

from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_database_credentials import VaultDatabaseCredentials
from adapters.security.vault_login import approle_login
from tests.fakes.stepping_clock import SteppingClock
from tests.support.postgres_accounts import PostgresAccounts
from tests.support.vault_stand_in import VaultStandIn, serving_vault
from tests.support.vault_state import DatabaseRole, VaultState

Admin = psycopg.Connection[tuple[object, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class LeasedWorld:
    admin: Admin
    vault: VaultStandIn
    credentials: VaultDatabaseCredentials
    uow: PostgresUnitOfWork
    clock: SteppingClock

    def transaction_logins(self) -> list[str]:
        """The logins of this world's connections that are inside a transaction."""
        with self.uow as uow:
            uow.records.count("people")
            rows = self.admin.execute(
                "SELECT usename FROM pg_stat_activity"
                " WHERE usename LIKE 'v-approle-%' AND state = 'idle in transaction'"
            ).fetchall()
        return sorted(str(row[0]) for row in rows)

    def role_exists(self, name: str) -> bool:
        rows = self.admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
        return rows.fetchone() is not None


@pytest.fixture
def group_role(postgres_admin: Admin, postgres_schema: str) -> Iterator[str]:
    group = f"iw_owner_{uuid.uuid4().hex[:12]}"
    postgres_admin.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
    postgres_admin.execute(
        sql.SQL("GRANT CREATE ON DATABASE test TO {}").format(sql.Identifier(group))
    )
    postgres_admin.execute(
        sql.SQL("CREATE SCHEMA {} AUTHORIZATION {}").format(
            sql.Identifier(postgres_schema), sql.Identifier(group)
        )
    )
    yield group
    postgres_admin.execute(
        sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(postgres_schema))
    )
    postgres_admin.execute(
        sql.SQL("REVOKE CREATE ON DATABASE test FROM {}").format(sql.Identifier(group))
    )
    postgres_admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(group)))


@pytest.fixture
def leased_world(
    postgres_admin: Admin, postgres_url: str, postgres_schema: str, group_role: str
) -> Iterator[LeasedWorld]:
    clock = SteppingClock()
    state = VaultState(
        clock=clock,
        accounts=PostgresAccounts(postgres_url, group=group_role),
        approles={"role": "secret"},
        database_roles={"import-worker": DatabaseRole(default_ttl=30, max_ttl=30)},
    )
    with serving_vault(state) as vault:
        client = HvacVaultClient(
            address=vault.address, login=approle_login("role", "secret"), clock=clock
        )
        credentials = VaultDatabaseCredentials(client, role="import-worker", clock=clock)
        uow = PostgresUnitOfWork(
            f"postgresql://127.0.0.1:5432/test?options=-crole%3D{group_role}",
            schema=postgres_schema,
            credentials=credentials,
        )
        yield LeasedWorld(
            admin=postgres_admin, vault=vault, credentials=credentials, uow=uow, clock=clock
        )
        uow.close()
        credentials.close()
