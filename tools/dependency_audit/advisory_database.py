from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from packaging.utils import canonicalize_name

from tools.dependency_audit.advisory_files import advisory_files, read_advisory
from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.osv_advisory import OsvAdvisory, OsvAffected

PYPI = "PyPI"
SOURCE_NOTE = "SOURCE.txt"

AffectedEntry = tuple[OsvAdvisory, OsvAffected]


@dataclass(frozen=True, slots=True, kw_only=True)
class AdvisoryDatabase:
    path: Path
    advisory_count: int
    newest_modification: datetime
    source: str | None
    entries_by_package: dict[str, tuple[AffectedEntry, ...]]

    @classmethod
    def load(cls, path: Path) -> "AdvisoryDatabase":
        if not path.is_dir():
            raise AuditError(f"advisory database {path}: not a directory")
        advisories = [read_advisory(file) for file in advisory_files(path)]
        if not advisories:
            raise AuditError(f"advisory database {path}: holds no OSV advisory")
        return cls(
            path=path,
            advisory_count=len(advisories),
            newest_modification=max(advisory.modified for advisory in advisories),
            source=_source_note(path),
            entries_by_package=_index(advisories),
        )

    def entries_for(self, package_name: str) -> tuple[AffectedEntry, ...]:
        return self.entries_by_package.get(canonicalize_name(package_name), ())


def _index(advisories: list[OsvAdvisory]) -> dict[str, tuple[AffectedEntry, ...]]:
    index: defaultdict[str, list[AffectedEntry]] = defaultdict(list)
    for advisory in advisories:
        for name, affected in _pypi_entries(advisory):
            index[canonicalize_name(name)].append((advisory, affected))
    return {name: tuple(entries) for name, entries in index.items()}


def _pypi_entries(advisory: OsvAdvisory) -> list[tuple[str, OsvAffected]]:
    if advisory.withdrawn is not None:
        return []
    return [
        (entry.package.name, entry)
        for entry in advisory.affected
        if entry.package is not None and entry.package.ecosystem == PYPI
    ]


def _source_note(path: Path) -> str | None:
    notes = [folder / SOURCE_NOTE for folder in (path, path.parent)]
    found = next((note for note in notes if note.is_file()), None)
    return found.read_text(encoding="utf-8").strip().splitlines()[0] if found else None
