import psycopg
import pytest

from adapters.persistence.postgres.errors import postgres_errors, postgres_refused_values
from application.errors import DependencyUnavailableError, UnstorableRowError


def test_should_report_an_operational_error_as_an_unavailable_dependency() -> None:
    with pytest.raises(DependencyUnavailableError), postgres_errors():
        raise psycopg.OperationalError("server closed the connection unexpectedly")


def test_should_report_a_read_only_standby_as_an_unavailable_dependency() -> None:
    with pytest.raises(DependencyUnavailableError), postgres_errors():
        raise psycopg.errors.ReadOnlySqlTransaction(
            "cannot execute INSERT in a read-only transaction"
        )


def test_should_keep_the_operational_error_as_the_cause() -> None:
    try:
        with postgres_errors():
            raise psycopg.OperationalError("server closed the connection unexpectedly")
    except DependencyUnavailableError as error:
        cause = error.__cause__

    assert isinstance(cause, psycopg.OperationalError)


def test_should_let_other_errors_through() -> None:
    with pytest.raises(psycopg.errors.UndefinedTable), postgres_errors():
        raise psycopg.errors.UndefinedTable("relation does not exist")


@pytest.mark.parametrize(
    "refusal",
    [
        psycopg.errors.InvalidTextRepresentation("invalid input syntax for type json"),
        psycopg.errors.UntranslatableCharacter("unsupported Unicode escape sequence"),
        psycopg.errors.ProgramLimitExceeded("index row size exceeds btree version 4 maximum"),
    ],
    ids=["invalid-json", "nul-in-jsonb", "key-over-the-index-limit"],
)
def test_should_report_a_value_or_key_the_store_refuses_as_an_unstorable_row(
    refusal: Exception,
) -> None:
    with pytest.raises(UnstorableRowError), postgres_refused_values():
        raise refusal


def test_should_let_errors_other_than_refused_values_through() -> None:
    with pytest.raises(psycopg.errors.UniqueViolation), postgres_refused_values():
        raise psycopg.errors.UniqueViolation("duplicate key value")
