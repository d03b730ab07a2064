import ast
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from tests.architecture.project_tree import parse, relative_name

NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
RAISES_CALLS = frozenset({"pytest.raises", "raises"})
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True, slots=True, kw_only=True)
class CollectedTest:
    test_id: str
    assertion_count: int
    bundled_facts: int


def collect_tests(path: Path) -> list[CollectedTest]:
    return [
        CollectedTest(
            test_id=f"{relative_name(path)}::{node.name}",
            assertion_count=count(node),
            bundled_facts=bundled(node),
        )
        for node in _test_function_nodes(parse(path))
    ]


def count(function: FunctionNode) -> int:
    return sum(_count_in(statement) for statement in function.body)


def bundled(function: FunctionNode) -> int:
    """Assertions that join facts with `and`, or compare a tuple built inside the assertion."""
    return sum(1 for node in ast.walk(function) if _bundles_facts(node))


def _bundles_facts(node: ast.AST) -> bool:
    if not isinstance(node, ast.Assert):
        return False
    test = node.test
    if isinstance(test, ast.BoolOp):
        return True
    return isinstance(test, ast.Compare) and isinstance(test.left, ast.Tuple)


def _test_function_nodes(module: ast.Module) -> list[FunctionNode]:
    candidates = [*module.body, *_class_members(module)]
    return [node for node in candidates if _is_test_function(node)]


def _class_members(module: ast.Module) -> list[ast.stmt]:
    classes = [node for node in module.body if _is_test_class(node)]
    return [member for class_node in classes for member in class_node.body]


def _is_test_class(node: ast.stmt) -> TypeGuard[ast.ClassDef]:
    return isinstance(node, ast.ClassDef) and node.name.startswith("Test")


def _is_test_function(node: ast.stmt) -> TypeGuard[FunctionNode]:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(
        "test"
    )


def _count_in(node: ast.AST) -> int:
    if isinstance(node, NESTED_SCOPES):
        return 0
    return _own_assertions(node) + sum(_count_in(child) for child in ast.iter_child_nodes(node))


def _own_assertions(node: ast.AST) -> int:
    if isinstance(node, ast.Assert):
        return 1
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return sum(1 for item in node.items if _is_raises_call(item.context_expr))
    return 0


def _is_raises_call(expression: ast.expr) -> bool:
    return isinstance(expression, ast.Call) and ast.unparse(expression.func) in RAISES_CALLS
