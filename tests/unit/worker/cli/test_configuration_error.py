import pytest
from pydantic import BaseModel, ValidationError, model_validator

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


class Pair(BaseModel):
    first: int = 0
    second: int = 0

    @model_validator(mode="after")
    def not_both(self) -> "Pair":
        if self.first and self.second:
            raise ValueError("set either FIRST or SECOND, not both")
        return self


def test_should_state_a_problem_of_several_variables_without_a_location() -> None:
    try:
        Pair(first=1, second=2)
    except ValidationError as error:
        described = describe_configuration_error(error)

    assert described == "configuration error: Value error, set either FIRST or SECOND, not both"
