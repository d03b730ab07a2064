import pytest

from adapters.persistence.postgres.unit_of_work import PostgresUnitOfWork
from application.errors import DependencyUnavailableError

UNREACHABLE = "postgresql://postgres@127.0.0.1:1/test"


def test_should_report_an_unreachable_server_as_an_unavailable_dependency() -> None:
    sut = PostgresUnitOfWork(UNREACHABLE, connect_timeout_seconds=2)

    with pytest.raises(DependencyUnavailableError), sut:
        pass


def test_should_close_without_having_connected() -> None:
    sut = PostgresUnitOfWork(UNREACHABLE)

    sut.close()

    with pytest.raises(DependencyUnavailableError), sut:
        pass
