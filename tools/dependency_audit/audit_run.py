import sys
from argparse import Namespace
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.dependency_audit.advisory_database import AdvisoryDatabase
from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.audit_report import (
    report_database,
    report_packages,
    report_verdict,
    say,
)
from tools.dependency_audit.audit_sources import AuditSources
from tools.dependency_audit.audit_verdict import AuditVerdict
from tools.dependency_audit.command_line import (
    DATABASE_CANDIDATES,
    database_location,
    parse_arguments,
)
from tools.dependency_audit.online_service import OnlineServices
from tools.dependency_audit.pip_audit_run import run_pip_audit
from tools.dependency_audit.vulnerability_scan import scan

AFFECTED = 1
CANNOT_RUN = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditSettings:
    services: OnlineServices = OnlineServices()
    database_candidates: tuple[Path, ...] = DATABASE_CANDIDATES

    @property
    def looked_in(self) -> str:
        return " and ".join(str(path) for path in self.database_candidates)


def main(argv: Sequence[str] | None = None, settings: AuditSettings = AuditSettings()) -> int:
    arguments = parse_arguments(argv)
    try:
        return 0 if _audit(arguments, settings) else AFFECTED
    except AuditError as error:
        print(f"dependency audit: cannot run: {error}", file=sys.stderr, flush=True)
        return CANNOT_RUN


def _audit(arguments: Namespace, settings: AuditSettings) -> bool:
    sources = AuditSources.gather(arguments)
    location = database_location(arguments.database, settings.database_candidates)
    service, offline_why = _online_service(arguments, settings.services, sources)
    if location is None and service is None:
        raise AuditError(
            f"no advisory database in {settings.looked_in} (set ADVISORY_DB), {offline_why}"
        )
    report_packages(sources.packages, sources.local_projects)
    passed_offline = _offline_audit(location, sources, settings)
    passed_online = _online_audit(service, sources, offline_why)
    return passed_offline and passed_online


def _online_service(
    arguments: Namespace, services: OnlineServices, sources: AuditSources
) -> tuple[str | None, str]:
    if arguments.online == "never":
        return None, "--online never"
    return services.answering(sources.packages[0]), services.describe()


def _offline_audit(location: Path | None, sources: AuditSources, settings: AuditSettings) -> bool:
    if location is None:
        say(f"offline audit: not run: no advisory database in {settings.looked_in}")
        return True
    database = AdvisoryDatabase.load(location)
    report_database(database)
    verdict = AuditVerdict.judge(scan(database, sources.packages), sources.ignore_file)
    report_verdict(verdict)
    return verdict.passed


def _online_audit(service: str | None, sources: AuditSources, offline_why: str) -> bool:
    if service is None:
        say(f"online audit (pip-audit --strict): not run: {offline_why}")
        return True
    return run_pip_audit(sources.packages, service, sources.ignored_ids)
