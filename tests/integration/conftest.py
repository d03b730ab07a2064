import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql

POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    return POSTGRES_URL


@pytest.fixture
def postgres_admin(postgres_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        yield connection


@pytest.fixture
def postgres_schema(
    postgres_admin: psycopg.Connection[tuple[object, ...]],
) -> Iterator[str]:
    schema = f"test_{uuid.uuid4().hex[:16]}"
    yield schema
    postgres_admin.execute(
        sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema))
    )
