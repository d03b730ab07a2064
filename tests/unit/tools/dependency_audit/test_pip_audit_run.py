import sys
from pathlib import Path

from tools.dependency_audit.pip_audit_run import pip_audit_command


def test_should_run_pip_audit_strictly_on_pinned_requirements_with_the_ignored_ids() -> None:
    command = pip_audit_command(Path("requirements.txt"), "osv", ["PYSEC-1", "GHSA-2"])

    assert command == [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        "requirements.txt",
        "--no-deps",
        "--disable-pip",
        "--strict",
        "--vulnerability-service",
        "osv",
        "--progress-spinner",
        "off",
        "--ignore-vuln",
        "PYSEC-1",
        "--ignore-vuln",
        "GHSA-2",
    ]
