from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from adapters.system.repository_probe import RepositoryProbe
from domain.health.health_status import HealthStatus
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork


def test_should_be_up_when_the_repository_counts() -> None:
    sut = RepositoryProbe(InMemoryUnitOfWork())

    result = sut.check()

    assert result.status is HealthStatus.UP


def test_should_be_down_when_the_unit_of_work_cannot_begin() -> None:
    sut = RepositoryProbe(UnreachableUnitOfWork())

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_store_nothing() -> None:
    unit_of_work = InMemoryUnitOfWork()
    sut = RepositoryProbe(unit_of_work)

    sut.check()

    assert unit_of_work.records.count("__health__") == 0


def test_should_report_as_repository() -> None:
    sut = RepositoryProbe(InMemoryUnitOfWork())

    name = sut.name

    assert name == "repository"


def test_should_be_a_required_dependency() -> None:
    sut = RepositoryProbe(InMemoryUnitOfWork())

    optional = sut.optional

    assert optional is False
