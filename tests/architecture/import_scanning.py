import ast
import sys
from pathlib import Path

from tests.architecture.project_tree import parse

STANDARD_LIBRARY = frozenset(sys.stdlib_module_names) - {"sqlite3"}


def foreign_imports(path: Path, allowed: frozenset[str]) -> list[str]:
    imported = [name for node in ast.walk(parse(path)) for name in _absolute_imports(node)]
    return sorted({name for name in imported if name.split(".")[0] not in allowed})


def _absolute_imports(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        return _absolute_module_of(node)
    return []


def _absolute_module_of(node: ast.ImportFrom) -> list[str]:
    return [node.module] if node.level == 0 and node.module else []


def imports_under(path: Path, packages: tuple[str, ...]) -> list[str]:
    imported = {name for node in ast.walk(parse(path)) for name in _absolute_imports(node)}
    return sorted(name for name in imported if _is_under(name, packages))


def _is_under(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(f"{package}.") for package in packages)
