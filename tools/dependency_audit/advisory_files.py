import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.osv_advisory import OsvAdvisory

ADVISORY_SUFFIXES = frozenset({".json", ".yaml", ".yml"})
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def advisory_files(directory: Path) -> Iterator[Path]:
    return (path for path in sorted(directory.rglob("*")) if path.suffix in ADVISORY_SUFFIXES)


def read_advisory(path: Path) -> OsvAdvisory:
    try:
        return OsvAdvisory.model_validate(_document(path))
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise AuditError(f"{path}: not a readable OSV advisory: {_first_line(error)}") from error


def _document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=YAML_LOADER)


def _first_line(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return f"{error.error_count()} invalid field(s), first: {error.errors()[0]['msg']}"
    return str(error).splitlines()[0] if str(error) else type(error).__name__
