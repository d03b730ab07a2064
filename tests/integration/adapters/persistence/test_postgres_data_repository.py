import contextvars
import itertools
import threading
from collections.abc import Iterable, Iterator
from contextlib import suppress
from typing import Any

import psycopg
import pytest
from psycopg import sql

from adapters.persistence.postgres.connection import open_postgres_connection
from adapters.persistence.postgres.data_repository import PostgresDataRepository
from adapters.persistence.postgres.tables import PostgresTables
from adapters.persistence.postgres.threaded_prefetcher import THREAD_NAME
from application.errors import DependencyUnavailableError, UnstorableRowError
from domain.model.data_record import DataRecord
from tests.integration.adapters.persistence.persistence_samples import (
    DATASET,
    BrokenSourceError,
    a_record,
    failing_after,
)

pytestmark = pytest.mark.integration

AdminConnection = psycopg.Connection[tuple[object, ...]]
ROWS_PER_BATCH = 3
REQUEST = contextvars.ContextVar("request", default="none")
ADVISORY_LOCKS = (
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
)
LOCK_ROW = sql.SQL("SELECT 1 FROM {} WHERE dataset = %s AND key = %s FOR UPDATE")


@pytest.fixture
def tables(postgres_schema: str) -> PostgresTables:
    return PostgresTables(postgres_schema)


@pytest.fixture
def connection(postgres_url: str, tables: PostgresTables) -> Iterator[psycopg.Connection[Any]]:
    opened = open_postgres_connection(postgres_url, tables, connect_timeout_seconds=10)
    opened.commit()
    yield opened
    opened.close()


@pytest.fixture
def sut(connection: psycopg.Connection[Any], tables: PostgresTables) -> PostgresDataRepository:
    return PostgresDataRepository(connection, tables, rows_per_batch=ROWS_PER_BATCH)


def numbered_records(count: int) -> list[DataRecord]:
    return [a_record(str(number)) for number in range(count)]


def endless_records() -> Iterator[DataRecord]:
    return (a_record(str(number)) for number in itertools.count())


def prefetcher_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == THREAD_NAME]


def threads_reading(records: Iterable[DataRecord], seen: list[int]) -> Iterator[DataRecord]:
    for record in records:
        seen.append(threading.get_ident())
        yield record


def requests_reading(records: Iterable[DataRecord], seen: list[str]) -> Iterator[DataRecord]:
    for record in records:
        seen.append(REQUEST.get())
        yield record


def test_should_keep_the_last_write_of_a_key_repeated_in_a_later_batch(
    sut: PostgresDataRepository,
) -> None:
    last = a_record("7", values={"name": "Grace"})
    sut.upsert_all([a_record("7"), a_record("1"), a_record("2"), a_record("3"), last])

    found = sut.get(DATASET, ("7",))

    assert found == last


def test_should_keep_the_last_write_of_a_key_repeated_within_a_later_batch(
    sut: PostgresDataRepository,
) -> None:
    last = a_record("7", values={"name": "Grace"})
    sut.upsert_all([*numbered_records(3), a_record("7"), last, a_record("8")])

    found = sut.get(DATASET, ("7",))

    assert found == last


@pytest.mark.parametrize("count", [3, 10], ids=["exactly one batch", "several batches"])
def test_should_store_every_record_of_the_stream(sut: PostgresDataRepository, count: int) -> None:
    sut.upsert_all(numbered_records(count))

    total = sut.count(DATASET)

    assert total == count


def test_should_return_how_many_records_it_consumed_over_several_batches(
    sut: PostgresDataRepository,
) -> None:
    consumed = sut.upsert_all(iter(numbered_records(10)))

    assert consumed == 10


def test_should_store_the_records_of_two_threaded_upserts_in_one_transaction(
    sut: PostgresDataRepository,
) -> None:
    sut.upsert_all(numbered_records(7))
    sut.upsert_all(a_record(str(number)) for number in range(5, 12))

    total = sut.count(DATASET)

    assert total == 12


@pytest.mark.parametrize(
    "stored_before_failing",
    [4, 6, 7],
    ids=["in the second batch", "at a batch boundary", "in the third batch"],
)
def test_should_store_nothing_when_the_stream_fails_in_a_later_batch(
    sut: PostgresDataRepository,
    connection: psycopg.Connection[Any],
    stored_before_failing: int,
) -> None:
    with suppress(BrokenSourceError):
        sut.upsert_all(failing_after(numbered_records(stored_before_failing)))
    connection.rollback()

    total = sut.count(DATASET)

    assert total == 0


@pytest.mark.parametrize(
    "stored_before_failing",
    [4, 6, 7],
    ids=["in the second batch", "at a batch boundary", "in the third batch"],
)
def test_should_raise_the_error_of_a_stream_failing_in_a_later_batch(
    sut: PostgresDataRepository, stored_before_failing: int
) -> None:
    with pytest.raises(BrokenSourceError):
        sut.upsert_all(failing_after(numbered_records(stored_before_failing)))


def test_should_read_a_stream_shorter_than_a_chunk_on_the_calling_thread(
    sut: PostgresDataRepository,
) -> None:
    seen: list[int] = []

    sut.upsert_all(threads_reading(numbered_records(2), seen))

    assert set(seen) == {threading.get_ident()}


def test_should_read_a_stream_longer_than_a_chunk_on_a_second_thread_too(
    sut: PostgresDataRepository,
) -> None:
    seen: list[int] = []

    sut.upsert_all(threads_reading(numbered_records(7), seen))

    assert len(set(seen)) == 2


def test_should_read_the_stream_in_the_context_of_the_caller(
    sut: PostgresDataRepository,
) -> None:
    seen: list[str] = []
    REQUEST.set("request-7")

    sut.upsert_all(requests_reading(numbered_records(7), seen))

    assert set(seen) == {"request-7"}


def test_should_hold_the_lock_of_every_dataset_of_the_stream(
    sut: PostgresDataRepository, connection: psycopg.Connection[Any]
) -> None:
    sut.upsert_all([*numbered_records(3), a_record("1", dataset="orders"), a_record("2")])

    [(locks,)] = connection.execute(ADVISORY_LOCKS).fetchall()

    assert locks == 2


def test_should_leave_no_staging_table_behind(
    sut: PostgresDataRepository, connection: psycopg.Connection[Any]
) -> None:
    sut.upsert_all(numbered_records(7))

    [(staging,)] = connection.execute("SELECT to_regclass('pg_temp.records_staging')").fetchall()

    assert staging is None


@pytest.mark.parametrize("count", [2, 7], ids=["one chunk", "several batches"])
def test_should_restore_the_join_methods_of_the_transaction(
    sut: PostgresDataRepository, connection: psycopg.Connection[Any], count: int
) -> None:
    sut.upsert_all(numbered_records(count))

    settings = connection.execute(
        "SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin')"
    ).fetchone()

    assert settings == ("on", "on")


def test_should_refuse_a_value_of_a_later_batch_postgresql_cannot_store(
    sut: PostgresDataRepository,
) -> None:
    refused = a_record("4", values={"name": "nul\u0000byte"})

    with pytest.raises(UnstorableRowError):
        sut.upsert_all(itertools.chain(numbered_records(4), [refused], endless_records()))


def test_should_stop_reading_the_stream_when_postgresql_refuses_a_value(
    sut: PostgresDataRepository,
) -> None:
    refused = a_record("4", values={"name": "nul\u0000byte"})

    with suppress(UnstorableRowError):
        sut.upsert_all(itertools.chain(numbered_records(4), [refused], endless_records()))

    assert prefetcher_threads() == []


def upsert_while_a_stored_row_is_locked(
    sut: PostgresDataRepository,
    connection: psycopg.Connection[Any],
    admin: AdminConnection,
    tables: PostgresTables,
) -> None:
    sut.upsert_all([a_record("5")])
    connection.commit()
    connection.execute("SET lock_timeout = '100ms'")
    with admin.transaction():
        admin.execute(LOCK_ROW.format(tables.records), (DATASET, '["5"]'))
        sut.upsert_all(a_record(str(number), import_id="import-2") for number in itertools.count())


def test_should_report_the_database_unavailable_when_a_merge_fails(
    sut: PostgresDataRepository,
    connection: psycopg.Connection[Any],
    postgres_admin: AdminConnection,
    tables: PostgresTables,
) -> None:
    with pytest.raises(DependencyUnavailableError):
        upsert_while_a_stored_row_is_locked(sut, connection, postgres_admin, tables)


def test_should_stop_the_blocked_producer_when_a_merge_fails(
    sut: PostgresDataRepository,
    connection: psycopg.Connection[Any],
    postgres_admin: AdminConnection,
    tables: PostgresTables,
) -> None:
    with suppress(DependencyUnavailableError):
        upsert_while_a_stored_row_is_locked(sut, connection, postgres_admin, tables)

    assert prefetcher_threads() == []


def test_should_keep_the_last_write_of_a_key_repeated_several_default_batches_later(
    connection: psycopg.Connection[Any], tables: PostgresTables
) -> None:
    sut = PostgresDataRepository(connection, tables)
    last = a_record("7", values={"name": "Grace"})
    sut.upsert_all([a_record("7"), *numbered_records(60_000)[8:], last])

    found = sut.get(DATASET, ("7",))

    assert found == last
