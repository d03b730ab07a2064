import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.audited_package import AuditedPackage

LOCAL_SOURCES = frozenset({"editable", "virtual", "directory", "path"})


@dataclass(frozen=True, slots=True, kw_only=True)
class LockFile:
    packages: tuple[AuditedPackage, ...]
    local_projects: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> "LockFile":
        local, published = _partition(_entries(path))
        return cls(
            packages=tuple(_package(entry, path.name) for entry in published),
            local_projects=tuple(entry["name"] for entry in local),
        )


def _entries(path: Path) -> list[dict[str, Any]]:
    try:
        entries: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["package"]
    except (OSError, ValueError, KeyError) as error:
        raise AuditError(f"{path}: not a readable uv lock file ({error!r})") from error
    return entries


def _partition(entries: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], ...]:
    local = [entry for entry in entries if _is_local(entry)]
    return local, [entry for entry in entries if entry not in local]


def _is_local(entry: dict[str, Any]) -> bool:
    return not LOCAL_SOURCES.isdisjoint(entry.get("source", {}))


def _package(entry: dict[str, Any], origin: str) -> AuditedPackage:
    if "version" not in entry:
        raise AuditError(f"{origin}: {entry.get('name')} has no version")
    return AuditedPackage.parse(name=entry["name"], version=entry["version"], origin=origin)
