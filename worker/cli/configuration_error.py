from typing import Any

from pydantic import ValidationError


def describe_configuration_error(error: ValidationError) -> str:
    """One line naming each variable and what is wrong with it, never the value given."""
    return "configuration error: " + "; ".join(_problem(problem) for problem in error.errors())


def _problem(problem: Any) -> str:
    location = problem["loc"]
    if not location:
        return str(problem["msg"])
    return f"{_variable(location)}: {problem['msg']}"


def _variable(location: tuple[int | str, ...]) -> str:
    return "_".join(str(part) for part in location).upper()
