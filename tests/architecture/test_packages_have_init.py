from pathlib import Path

import pytest

from tests.architecture.project_tree import CODE_ROOTS, PROJECT_ROOT, python_files, relative_name


def _package_directories() -> list[Path]:
    roots = {PROJECT_ROOT / root for root in CODE_ROOTS}
    directories = {path.parent for path in python_files(*CODE_ROOTS)}
    ancestors = {parent for directory in directories for parent in directory.parents}
    return sorted(directories | (ancestors & _under_roots(ancestors, roots)))


def _under_roots(candidates: set[Path], roots: set[Path]) -> set[Path]:
    return {path for path in candidates if path in roots or roots & set(path.parents)}


PACKAGE_DIRECTORIES = _package_directories()


@pytest.mark.parametrize(
    "directory", PACKAGE_DIRECTORIES, ids=[relative_name(path) for path in PACKAGE_DIRECTORIES]
)
def test_should_make_every_directory_holding_python_code_a_package(directory: Path) -> None:
    assert (directory / "__init__.py").is_file()
