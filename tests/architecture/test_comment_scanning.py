from pathlib import Path

import pytest

from tests.architecture.comment_scanning import forbidden_comments

SOURCES_AND_FINDINGS = [
    ("x = 1\n", []),
    ("# explains x\nx = 1\n", ["line 1: # explains x"]),
    ("x = 1  # why\n", ["line 1: # why"]),
    ("x = f()  # type: ignore[no-any-return]\n", []),
    ("import os  # noqa: F401\n", []),
    ("run()  # nosec B603\n", []),
    ("if x:  # pragma: no cover\n    pass\n", []),
    ("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx = 1\n", []),
    ("x = 1\n#!/not/a/shebang\n", ["line 2: #!/not/a/shebang"]),
    ('x = "# not a comment"\n', []),
]
IDS = [
    "no comment",
    "comment line",
    "trailing comment",
    "type pragma",
    "noqa pragma",
    "nosec pragma",
    "coverage pragma",
    "shebang and coding line",
    "shebang-like comment below the first line",
    "hash inside a string",
]


@pytest.mark.parametrize(("source", "expected"), SOURCES_AND_FINDINGS, ids=IDS)
def test_should_report_every_comment_that_is_not_a_pragma(
    tmp_path: Path, source: str, expected: list[str]
) -> None:
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")

    findings = forbidden_comments(path)

    assert findings == expected
