import json
import shlex
import subprocess
from collections.abc import Sequence

from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.audited_package import AuditedPackage

LIST_DISTRIBUTIONS = (
    "import importlib.metadata, json; print(json.dumps(sorted("
    "[d.metadata['Name'], d.version] for d in importlib.metadata.distributions())))"
)


def tool_packages(uv_command: str, requirement: str) -> tuple[AuditedPackage, ...]:
    origin = f"uv tool {requirement}"
    listed = json.loads(_run(_listing_command(uv_command, requirement), origin))
    return tuple(
        AuditedPackage.parse(name=name, version=version, origin=origin) for name, version in listed
    )


def _listing_command(uv_command: str, requirement: str) -> Sequence[str]:
    uv = shlex.split(uv_command)
    return [
        *uv,
        "tool",
        "run",
        "--quiet",
        "--from",
        requirement,
        "python",
        "-c",
        LIST_DISTRIBUTIONS,
    ]


def _run(command: Sequence[str], origin: str) -> str:
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        last_line = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise AuditError(f"{origin}: cannot list the tool's environment: {last_line}")
    return completed.stdout
