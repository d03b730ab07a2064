import pytest
from pydantic import BaseModel, ValidationError

from worker.cli.configuration_error import describe_configuration_error


class Nested(BaseModel):
    port: int


class Outer(BaseModel):
    health: Nested
    level: int


def _validation_error(data: object) -> ValidationError:
    try:
        Outer.model_validate(data)
    except ValidationError as error:
        return error
    pytest.fail("the data was valid")


def test_should_name_the_variable_of_a_nested_location_in_upper_case() -> None:
    error = _validation_error({"health": {"port": "x"}, "level": 1})

    described = describe_configuration_error(error)

    assert described.startswith("configuration error: HEALTH_PORT: ")


def test_should_join_every_problem_on_one_line() -> None:
    error = _validation_error({"health": {"port": "x"}, "level": "y"})

    described = describe_configuration_error(error)

    assert described.count("; ") == 1
