from adapters.system.call_probe import CallProbe
from application.errors import DependencyUnavailableError
from domain.health.health_status import HealthStatus


def unreachable() -> None:
    raise DependencyUnavailableError("no answer")


def test_should_answer_up_when_the_call_succeeds() -> None:
    sut = CallProbe("source_store", lambda: None)

    assert sut.check().status is HealthStatus.UP


def test_should_answer_down_when_the_call_fails() -> None:
    sut = CallProbe("source_store", unreachable)

    assert sut.check().status is HealthStatus.DOWN


def test_should_be_a_required_check() -> None:
    sut = CallProbe("source_store", lambda: None)

    assert sut.optional is False
