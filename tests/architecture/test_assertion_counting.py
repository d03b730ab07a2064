import ast
from pathlib import Path
from typing import cast

import pytest

from tests.architecture.assertion_counting import FunctionNode, bundled, collect_tests, count

SOURCES_AND_COUNTS = [
    ("def test_x():\n    assert 1\n", 1),
    ("def test_x():\n    with pytest.raises(ValueError):\n        f()\n", 1),
    ("def test_x():\n    with raises(ValueError):\n        f()\n", 1),
    ("def test_x():\n    assert 1\n    assert 2\n", 2),
    ("def test_x():\n    with pytest.raises(E):\n        assert f()\n", 2),
    ("def test_x():\n    if a:\n        assert 1\n    else:\n        assert 2\n", 2),
    ("def test_x():\n    def helper():\n        assert 1\n    helper()\n", 0),
    ("def test_x():\n    check = lambda: f()\n    with open(p):\n        pass\n", 0),
    ("async def test_x():\n    async with pytest.raises(E):\n        await f()\n", 1),
]
IDS = [
    "one assert",
    "one pytest.raises block",
    "one bare raises block",
    "two asserts",
    "raises block holding an assert",
    "asserts in both branches",
    "assert inside a nested helper is not counted",
    "other with blocks are not counted",
    "async raises block",
]


@pytest.mark.parametrize(("source", "expected"), SOURCES_AND_COUNTS, ids=IDS)
def test_should_count_asserts_and_raises_blocks_of_the_test_body_only(
    source: str, expected: int
) -> None:
    function = cast(FunctionNode, ast.parse(source).body[0])

    counted = count(function)

    assert counted == expected


def test_should_collect_module_level_tests_and_methods_of_test_classes_only(
    tmp_path: Path,
) -> None:
    module = tmp_path / "test_module.py"
    module.write_text(
        "def test_a():\n    assert 1\n"
        "def helper():\n    assert 1\n"
        "class TestGroup:\n    def test_b(self):\n        assert 1\n"
        "class Fake:\n    def test_connection(self):\n        pass\n",
        encoding="utf-8",
    )

    collected = collect_tests(module)

    assert [test.test_id.split("::")[1] for test in collected] == ["test_a", "test_b"]


BUNDLES = [
    ("def test_x():\n    assert (a, b) == (1, 2)\n", 1),
    ("def test_x():\n    assert a and b\n", 1),
    ("def test_x():\n    assert pair == (1, 2)\n", 0),
    ("def test_x():\n    assert {'a': a, 'b': b} == {'a': 1, 'b': 2}\n", 0),
]
BUNDLE_IDS = ["tuple built in the assertion", "facts joined by and", "a tuple value", "a record"]


@pytest.mark.parametrize(("source", "expected"), BUNDLES, ids=BUNDLE_IDS)
def test_should_count_assertions_that_bundle_several_facts(source: str, expected: int) -> None:
    function = cast(FunctionNode, ast.parse(source).body[0])

    counted = bundled(function)

    assert counted == expected
