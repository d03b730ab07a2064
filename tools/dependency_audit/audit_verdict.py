from collections.abc import Iterator
from dataclasses import dataclass

from tools.dependency_audit.ignore_file import IgnoreEntry, IgnoreFile
from tools.dependency_audit.vulnerability_scan import Finding


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditVerdict:
    failing: tuple[Finding, ...]
    ignored: tuple[tuple[Finding, IgnoreEntry], ...]
    unused: tuple[IgnoreEntry, ...]

    @classmethod
    def judge(cls, findings: tuple[Finding, ...], ignore_file: IgnoreFile) -> "AuditVerdict":
        matches = [(finding, _entry_for(finding, ignore_file)) for finding in findings]
        ignored = tuple(_covered(matches))
        return cls(
            failing=tuple(finding for finding, entry in matches if entry is None),
            ignored=ignored,
            unused=_unused(ignore_file, {entry for _, entry in ignored}),
        )

    @property
    def passed(self) -> bool:
        return not self.failing


def _covered(
    matches: list[tuple[Finding, IgnoreEntry | None]],
) -> Iterator[tuple[Finding, IgnoreEntry]]:
    for finding, entry in matches:
        if entry is not None:
            yield finding, entry


def _unused(ignore_file: IgnoreFile, used: set[IgnoreEntry]) -> tuple[IgnoreEntry, ...]:
    return tuple(entry for entry in ignore_file.ignore if entry not in used)


def _entry_for(finding: Finding, ignore_file: IgnoreFile) -> IgnoreEntry | None:
    entries = ignore_file.ignore
    covering = (entry for entry in entries if entry.covers(finding.advisory, finding.package.name))
    return next(covering, None)
