import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from tools.dependency_audit.audited_package import AuditedPackage


def run_pip_audit(
    packages: Iterable[AuditedPackage], service: str, ignored_ids: Sequence[str]
) -> bool:
    ordered = sorted(packages, key=attrgetter("origin"))
    groups = [list(group) for _, group in groupby(ordered, key=attrgetter("origin"))]
    return all([_audit_group(group, service, ignored_ids) for group in groups])


def pip_audit_command(requirements: Path, service: str, ignored_ids: Sequence[str]) -> list[str]:
    ignoring = [argument for id_ in ignored_ids for argument in ("--ignore-vuln", id_)]
    return [
        sys.executable,
        "-m",
        "pip_audit",
        *("--requirement", str(requirements), "--no-deps", "--disable-pip", "--strict"),
        *("--vulnerability-service", service, "--progress-spinner", "off"),
        *ignoring,
    ]


def _audit_group(group: list[AuditedPackage], service: str, ignored_ids: Sequence[str]) -> bool:
    print(f"dependency audit: pip-audit --strict ({service}): {group[0].origin}", flush=True)
    with tempfile.TemporaryDirectory() as directory:
        requirements = Path(directory) / "requirements.txt"
        requirements.write_text("".join(f"{p.name}=={p.version}\n" for p in group), "utf-8")
        command = pip_audit_command(requirements, service, ignored_ids)
        return subprocess.run(command, check=False).returncode == 0
