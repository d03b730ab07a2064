from datetime import UTC, datetime, timedelta

import psycopg
from psycopg import sql


class PostgresAccounts:
    """What Vault's PostgreSQL plugin does with its default statements: a login role valid until
    its lease ends, member of the group role that owns the tables; VALID UNTIL moved on renewal;
    the role dropped on revocation."""

    def __init__(self, admin_url: str, *, group: str) -> None:
        self._admin_url = admin_url
        self._group = group

    def create(self, name: str, password: str, *, seconds: float) -> None:
        self._run(
            "CREATE ROLE {} LOGIN PASSWORD {} VALID UNTIL {} IN ROLE {}",
            sql.Identifier(name),
            sql.Literal(password),
            sql.Literal(_until(seconds)),
            sql.Identifier(self._group),
        )

    def extend(self, name: str, *, seconds: float) -> None:
        self._run(
            "ALTER ROLE {} VALID UNTIL {}", sql.Identifier(name), sql.Literal(_until(seconds))
        )

    def drop(self, name: str) -> None:
        self._run("DROP ROLE IF EXISTS {}", sql.Identifier(name))

    def _run(self, statement: str, *parts: sql.Composable) -> None:
        with psycopg.connect(self._admin_url, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(*parts))


def _until(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat()
