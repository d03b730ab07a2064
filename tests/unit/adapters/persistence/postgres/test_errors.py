import psycopg
import pytest

from adapters.persistence.postgres.errors import postgres_errors, postgres_refused_values
from application.errors import DependencyUnavailableError, SourceUnreadableError


def test_should_report_an_operational_error_as_an_unavailable_dependency() -> None:
    with pytest.raises(DependencyUnavailableError), postgres_errors():
        raise psycopg.OperationalError("server closed the connection unexpectedly")


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


def test_should_report_a_refused_value_as_an_unreadable_source() -> None:
    with pytest.raises(SourceUnreadableError), postgres_refused_values():
        raise psycopg.errors.InvalidTextRepresentation("invalid input syntax for type json")


def test_should_let_errors_other_than_refused_values_through() -> None:
    with pytest.raises(psycopg.errors.UniqueViolation), postgres_refused_values():
        raise psycopg.errors.UniqueViolation("duplicate key value")
