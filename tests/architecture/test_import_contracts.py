import subprocess
import sys
from pathlib import Path

from tests.architecture.project_tree import PROJECT_ROOT


def test_should_keep_every_import_linter_contract() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")

    completed = subprocess.run(
        [str(lint_imports), "--no-logo", "--no-cache"], cwd=PROJECT_ROOT, check=False
    )

    assert completed.returncode == 0
