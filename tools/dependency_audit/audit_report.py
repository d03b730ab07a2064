from collections import Counter
from datetime import UTC, datetime

from tools.dependency_audit.advisory_database import AdvisoryDatabase
from tools.dependency_audit.audit_verdict import AuditVerdict
from tools.dependency_audit.audited_package import AuditedPackage

PREFIX = "dependency audit:"


def say(line: str) -> None:
    print(f"{PREFIX} {line}", flush=True)


def report_database(database: AdvisoryDatabase) -> None:
    newest = database.newest_modification
    age = (datetime.now(UTC) - newest).days
    say(
        f"advisory database {database.path}: {database.advisory_count} advisories, "
        f"newest modified {newest.date().isoformat()} ({age} days ago)"
    )
    if database.source is not None:
        say(f"advisory database source: {database.source}")


def report_packages(packages: tuple[AuditedPackage, ...], local_projects: tuple[str, ...]) -> None:
    counts = Counter(package.origin for package in packages)
    listed = ", ".join(f"{count} from {origin}" for origin, count in counts.items())
    skipped = f" (skipped the local project {', '.join(local_projects)})" if local_projects else ""
    say(f"checking {len(packages)} packages: {listed}{skipped}")


def report_verdict(verdict: AuditVerdict) -> None:
    for finding in verdict.failing:
        say(f"AFFECTED {finding}")
    for finding, entry in verdict.ignored:
        review = f"reviewed by {entry.reviewed_by}, {entry.reviewed_on}"
        say(f"ignored {finding}: {entry.reason} ({review})")
    for entry in verdict.unused:
        say(f"unused ignore entry {entry.id} for {entry.package}: nothing it covers was found")
    outcome = "passed" if verdict.passed else "FAILED"
    say(f"offline audit {outcome}: {len(verdict.failing)} affected, {len(verdict.ignored)} ignored")
