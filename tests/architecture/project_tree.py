import ast
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SOURCE_PACKAGES = ("worker", "domain", "application", "adapters", "shared")
CODE_ROOTS = (*SOURCE_PACKAGES, "tests", "bench", "tools")


def python_files(*roots: str) -> list[Path]:
    return sorted(path for root in roots for path in _python_files_under(PROJECT_ROOT / root))


def _python_files_under(root: Path) -> Iterator[Path]:
    return (path for path in root.rglob("*.py") if "__pycache__" not in path.parts)


def relative_name(path: Path) -> str:
    inside_project = path.is_relative_to(PROJECT_ROOT)
    return (path.relative_to(PROJECT_ROOT) if inside_project else path).as_posix()


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
