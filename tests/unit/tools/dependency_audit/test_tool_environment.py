import shlex
import sys
from pathlib import Path

import pytest

from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.tool_environment import tool_packages

STAND_IN = Path(__file__).resolve().parents[3] / "support" / "uv_stand_in.py"
UV = shlex.join([sys.executable, str(STAND_IN)])


def test_should_list_the_packages_of_the_tool_environment() -> None:
    packages = tool_packages(UV, "pytest==9.0")

    assert "pytest" in {package.name for package in packages}


def test_should_name_the_tool_as_the_origin_of_its_packages() -> None:
    packages = tool_packages(UV, "pytest==9.0")

    assert {package.origin for package in packages} == {"uv tool pytest==9.0"}


def test_should_fail_with_the_last_line_of_the_tool_runner_error() -> None:
    with pytest.raises(AuditError, match="cannot list the tool's environment: error: no solution"):
        tool_packages(UV, "broken==1")
