from pydantic import ValidationError


def describe_configuration_error(error: ValidationError) -> str:
    problems = (f"{_variable(problem['loc'])}: {problem['msg']}" for problem in error.errors())
    return "configuration error: " + "; ".join(problems)


def _variable(location: tuple[int | str, ...]) -> str:
    return "_".join(str(part) for part in location).upper()
