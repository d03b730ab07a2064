import psycopg
import pytest

from domain.model.data_record import DataRecord
from tests.integration.adapters.persistence.leased_world import LeasedWorld

pytestmark = pytest.mark.integration

ADA = DataRecord(dataset="people", key=("1",), values={"name": "Ada"}, import_id="imp-1")
RENEWAL_REFUSED_AT = 120


def rotate(world: LeasedWorld) -> None:
    world.clock.now = RENEWAL_REFUSED_AT
    world.credentials.maintain()


def begin_and_end(world: LeasedWorld) -> None:
    with world.uow as uow:
        uow.records.count("people")


def test_should_commit_the_transaction_in_flight_when_the_credentials_rotate(
    leased_world: LeasedWorld,
) -> None:
    with leased_world.uow as uow:
        uow.records.upsert_all([ADA])
        rotate(leased_world)
        uow.commit()

    with leased_world.uow as uow:
        assert uow.records.get("people", ("1",)) == ADA


def test_should_log_the_next_transaction_in_with_the_new_credentials(
    leased_world: LeasedWorld,
) -> None:
    begin_and_end(leased_world)
    rotate(leased_world)

    logins = leased_world.transaction_logins()

    assert logins == [leased_world.credentials.acquire().user]


def test_should_drop_the_superseded_role_once_no_connection_holds_it(
    leased_world: LeasedWorld,
) -> None:
    old = leased_world.credentials.acquire()
    leased_world.credentials.release(old)
    begin_and_end(leased_world)
    rotate(leased_world)
    begin_and_end(leased_world)

    leased_world.credentials.maintain()

    assert leased_world.role_exists(old.user) is False


def test_should_keep_the_superseded_role_while_a_transaction_runs_on_it(
    leased_world: LeasedWorld,
) -> None:
    with leased_world.uow as uow:
        uow.records.count("people")
        old = leased_world.credentials.acquire()
        leased_world.credentials.release(old)
        rotate(leased_world)

        leased_world.credentials.maintain()

        assert leased_world.role_exists(old.user) is True


def test_should_refuse_a_login_with_the_superseded_credentials(
    leased_world: LeasedWorld, postgres_url: str
) -> None:
    old = leased_world.credentials.acquire()
    leased_world.credentials.release(old)
    rotate(leased_world)
    leased_world.credentials.maintain()

    with pytest.raises(psycopg.OperationalError, match="does not exist"):
        psycopg.connect(f"postgresql://{old.user}@127.0.0.1:5432/test", connect_timeout=5)


def test_should_create_the_tables_as_the_group_role_that_owns_them(
    leased_world: LeasedWorld, postgres_schema: str, group_role: str
) -> None:
    begin_and_end(leased_world)

    owner = leased_world.admin.execute(
        "SELECT tableowner FROM pg_tables WHERE schemaname = %s AND tablename = 'records'",
        (postgres_schema,),
    ).fetchone()

    assert owner == (group_role,)
