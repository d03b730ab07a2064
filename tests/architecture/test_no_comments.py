from pathlib import Path

import pytest

from tests.architecture.comment_scanning import forbidden_comments
from tests.architecture.project_tree import CODE_ROOTS, python_files, relative_name

PYTHON_FILES = python_files(*CODE_ROOTS)


@pytest.mark.parametrize("path", PYTHON_FILES, ids=[relative_name(path) for path in PYTHON_FILES])
def test_should_hold_no_comment_other_than_a_tool_pragma(path: Path) -> None:
    assert forbidden_comments(path) == []
