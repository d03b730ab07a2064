import pytest

from tests.architecture.assertion_counting import CollectedTest, collect_tests
from tests.architecture.project_tree import python_files

COLLECTED_TESTS = [collected for path in python_files("tests") for collected in collect_tests(path)]


@pytest.mark.parametrize(
    "collected_test", COLLECTED_TESTS, ids=[collected.test_id for collected in COLLECTED_TESTS]
)
def test_should_make_exactly_one_assertion(collected_test: CollectedTest) -> None:
    assert collected_test.assertion_count == 1


@pytest.mark.parametrize(
    "collected_test", COLLECTED_TESTS, ids=[collected.test_id for collected in COLLECTED_TESTS]
)
def test_should_assert_one_fact_rather_than_a_tuple_of_them(collected_test: CollectedTest) -> None:
    assert collected_test.bundled_facts == 0
