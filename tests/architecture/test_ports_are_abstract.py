import abc
import dataclasses
import enum
import importlib
import inspect

import pytest

from tests.architecture.project_tree import module_name, python_files

PORT_DIRECTORIES = ("application/ports", "domain/repository")


def _is_value_type(candidate: type) -> bool:
    return dataclasses.is_dataclass(candidate) or issubclass(candidate, (enum.Enum, BaseException))


def _classes_defined_in(name: str) -> list[type]:
    module = importlib.import_module(name)
    classes = [member for _, member in inspect.getmembers(module, inspect.isclass)]
    return [candidate for candidate in classes if candidate.__module__ == name]


PORT_CLASSES = [
    candidate
    for path in python_files(*PORT_DIRECTORIES)
    for candidate in _classes_defined_in(module_name(path))
    if not _is_value_type(candidate)
]


@pytest.mark.parametrize(
    "port", PORT_CLASSES, ids=[f"{port.__module__}.{port.__qualname__}" for port in PORT_CLASSES]
)
def test_should_declare_every_port_as_an_abstract_base_class(port: type) -> None:
    assert issubclass(port, abc.ABC)
