from pathlib import Path

import pytest

from tests.architecture.import_scanning import imports_under
from tests.architecture.project_tree import python_files, relative_name

BENCH_FILES = python_files("bench")
OFF_LIMITS = (
    "tests",
    "adapters.persistence.postgres",
    "adapters.persistence.sqlite",
    "adapters.persistence.memory",
)


@pytest.mark.parametrize("path", BENCH_FILES, ids=[relative_name(path) for path in BENCH_FILES])
def test_should_measure_the_product_through_its_public_face_only(path: Path) -> None:
    assert imports_under(path, OFF_LIMITS) == []
