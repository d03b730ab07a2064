import threading
import uuid
from collections.abc import Iterator
from contextlib import suppress

import psycopg
import pytest
from psycopg import sql

from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from application.errors import DependencyUnavailableError, UnstorableRowError
from domain.events.import_finished import ImportFinished
from domain.model.data_record import DataRecord
from tests.integration.adapters.persistence.persistence_samples import (
    DATASET,
    a_completed_import,
    a_record,
)

pytestmark = pytest.mark.integration

AdminConnection = psycopg.Connection[tuple[object, ...]]
TERMINATE = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s"


@pytest.fixture
def application_name() -> str:
    return f"uow-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def sut(
    postgres_url: str, postgres_schema: str, application_name: str
) -> Iterator[PostgresUnitOfWork]:
    unit_of_work = PostgresUnitOfWork(
        f"{postgres_url}?application_name={application_name}", schema=postgres_schema
    )
    yield unit_of_work
    unit_of_work.close()


def test_should_report_the_database_unavailable_when_the_server_ended_the_connection(
    sut: PostgresUnitOfWork, postgres_admin: AdminConnection, application_name: str
) -> None:
    with sut:
        sut.records.count(DATASET)
    postgres_admin.execute(TERMINATE, (application_name,))

    with pytest.raises(DependencyUnavailableError), sut:
        sut.records.count(DATASET)


def test_should_reconnect_after_the_server_ended_the_connection_between_units(
    sut: PostgresUnitOfWork, postgres_admin: AdminConnection, application_name: str
) -> None:
    with sut:
        sut.records.count(DATASET)
    postgres_admin.execute(TERMINATE, (application_name,))
    with suppress(DependencyUnavailableError), sut:
        sut.records.count(DATASET)

    with sut:
        total = sut.records.count(DATASET)

    assert total == 0


def test_should_reconnect_after_the_server_ended_the_connection_inside_a_unit(
    sut: PostgresUnitOfWork, postgres_admin: AdminConnection, application_name: str
) -> None:
    with sut:
        sut.records.upsert_all([a_record("1")])
        postgres_admin.execute(TERMINATE, (application_name,))

    with sut:
        total = sut.records.count(DATASET)

    assert total == 0


def test_should_report_the_database_unavailable_when_commit_loses_the_connection(
    sut: PostgresUnitOfWork, postgres_admin: AdminConnection, application_name: str
) -> None:
    with pytest.raises(DependencyUnavailableError), sut:
        sut.records.upsert_all([a_record("1")])
        postgres_admin.execute(TERMINATE, (application_name,))
        sut.commit()


def test_should_use_the_search_path_of_the_url_when_no_schema_is_given(
    postgres_url: str, postgres_schema: str, postgres_admin: AdminConnection
) -> None:
    postgres_admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(postgres_schema)))
    sut = PostgresUnitOfWork(f"{postgres_url}?options=-csearch_path%3D{postgres_schema}")
    with sut:
        sut.records.upsert_all([a_record("1")])
        sut.commit()
    sut.close()

    found = postgres_admin.execute(
        sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(postgres_schema, "records"))
    ).fetchone()

    assert found == (1,)


def test_should_refuse_a_search_path_without_an_existing_schema(
    postgres_url: str, postgres_schema: str
) -> None:
    sut = PostgresUnitOfWork(f"{postgres_url}?options=-csearch_path%3D{postgres_schema}")

    with pytest.raises(psycopg.errors.InvalidSchemaName), sut:
        sut.records.count(DATASET)


def test_should_let_a_concurrent_import_of_the_same_new_keys_wait_for_the_first(
    sut: PostgresUnitOfWork, postgres_url: str, postgres_schema: str
) -> None:
    other = PostgresUnitOfWork(postgres_url, schema=postgres_schema)
    errors: list[BaseException] = []

    def import_concurrently() -> None:
        try:
            with other:
                other.records.upsert_all([a_record("1", import_id="import-2")])
                other.commit()
        except BaseException as error:
            errors.append(error)

    with sut:
        sut.records.upsert_all([a_record("1")])
        competitor = threading.Thread(target=import_concurrently)
        competitor.start()
        competitor.join(timeout=0.5)
        sut.commit()
    competitor.join(timeout=10)
    other.close()

    assert errors == []


def test_should_return_the_completed_result_a_concurrent_import_committed_first(
    sut: PostgresUnitOfWork, postgres_url: str, postgres_schema: str
) -> None:
    other = PostgresUnitOfWork(postgres_url, schema=postgres_schema)
    returned: list[ImportFinished] = []

    def record_concurrently() -> None:
        with other:
            returned.append(other.imports.add(a_completed_import(event_id="event-second")))
            other.commit()

    with sut:
        sut.imports.add(a_completed_import(event_id="event-first"))
        competitor = threading.Thread(target=record_concurrently)
        competitor.start()
        competitor.join(timeout=0.5)
        sut.commit()
    competitor.join(timeout=10)
    other.close()

    assert returned == [a_completed_import(event_id="event-first")]


@pytest.mark.parametrize(
    "record",
    [a_record("1", values={"name": "nul\u0000byte"}), a_record("1", dataset="nul\u0000byte")],
    ids=["in a value", "in the dataset"],
)
def test_should_refuse_a_value_postgresql_cannot_store_as_an_unstorable_row(
    sut: PostgresUnitOfWork, record: DataRecord
) -> None:
    with pytest.raises(UnstorableRowError), sut:
        sut.records.upsert_all([record])


def test_should_work_again_after_refusing_a_value(sut: PostgresUnitOfWork) -> None:
    with suppress(UnstorableRowError), sut:
        sut.records.upsert_all([a_record("1", values={"name": "nul\u0000byte"})])

    with sut:
        sut.records.upsert_all([a_record("2")])
        sut.commit()
        total = sut.records.count(DATASET)

    assert total == 1
