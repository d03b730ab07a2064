import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.tools.dependency_audit.planted_files import (
    PLANTED_ALIAS,
    PLANTED_ID,
    reviewed_entry,
    write_advisory,
    write_ignore_file,
    write_lock,
)
from tools.dependency_audit.audit_run import AuditSettings, main
from tools.dependency_audit.online_service import OnlineServices

PROJECT_ROOT = Path(__file__).resolve().parents[4]
GATE_SCRIPT = PROJECT_ROOT / "scripts" / "audit-dependencies.sh"
FIXED_IN_1_0_1 = [{"introduced": "0"}, {"fixed": "1.0.1"}]
CLOSED_PORT = "http://127.0.0.1:9"


def run_gate(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> subprocess.CompletedProcess[str]:
    monkeypatch.setenv("ADVISORY_DB", str(database))
    arguments = ["--lock", str(tmp_path / "uv.lock"), "--online", "never"]
    ignore = ["--ignore-file", str(tmp_path / "audit-ignore.toml")]
    command = [str(GATE_SCRIPT), *arguments, *ignore]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def audit(tmp_path: Path, *extra: str, settings: AuditSettings = AuditSettings()) -> int:
    arguments = ["--lock", str(tmp_path / "uv.lock"), "--online", "never", *extra]
    return main([*arguments, "--ignore-file", str(tmp_path / "audit-ignore.toml")], settings)


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    write_lock(tmp_path, {"demo-package": "1.0.0"})
    write_ignore_file(tmp_path, [])
    database = tmp_path / "advisories"
    write_advisory(database, "Demo_Package", FIXED_IN_1_0_1)
    return database


def test_should_fail_the_gate_when_a_planted_advisory_affects_a_locked_version(
    tmp_path: Path, planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    completed = run_gate(tmp_path, planted, monkeypatch)

    assert completed.returncode == 1


def test_should_name_the_affected_package_and_the_advisory(
    tmp_path: Path, planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    completed = run_gate(tmp_path, planted, monkeypatch)

    assert (
        f"AFFECTED demo-package 1.0.0 (uv.lock): {PLANTED_ID}, {PLANTED_ALIAS}: fixed in 1.0.1"
        in completed.stdout
    )


def test_should_print_the_date_of_the_advisory_database(
    tmp_path: Path, planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    completed = run_gate(tmp_path, planted, monkeypatch)

    assert "newest modified 2026-01-02" in completed.stdout


def test_should_pass_when_a_reviewed_ignore_entry_says_why(tmp_path: Path, planted: Path) -> None:
    reason = "the vulnerable parser is never called"
    write_ignore_file(tmp_path, [reviewed_entry(PLANTED_ALIAS, "demo-package", reason)])

    exit_code = audit(tmp_path, "--database", str(planted))

    assert exit_code == 0


@pytest.mark.parametrize("reason", [None, "  "], ids=["missing", "blank"])
def test_should_refuse_an_ignore_entry_without_a_reason(
    tmp_path: Path, planted: Path, reason: str | None
) -> None:
    write_ignore_file(tmp_path, [reviewed_entry(PLANTED_ID, "demo-package", reason)])

    exit_code = audit(tmp_path, "--database", str(planted))

    assert exit_code == 2


def test_should_pass_when_the_locked_version_is_not_affected(tmp_path: Path, planted: Path) -> None:
    write_lock(tmp_path, {"demo-package": "1.0.1"})

    exit_code = audit(tmp_path, "--database", str(planted))

    assert exit_code == 0


def test_should_fail_when_the_named_database_is_missing(tmp_path: Path, planted: Path) -> None:
    exit_code = audit(tmp_path, "--database", str(tmp_path / "nowhere"))

    assert exit_code == 2


def test_should_fail_in_one_line_without_a_database_or_a_network(
    tmp_path: Path, planted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = OnlineServices(pypi_url=CLOSED_PORT, osv_url=CLOSED_PORT)
    settings = AuditSettings(services=services, database_candidates=(tmp_path / "nowhere",))
    main(
        ["--lock", str(tmp_path / "uv.lock"), "--ignore-file", str(tmp_path / "audit-ignore.toml")],
        settings,
    )

    error = capsys.readouterr().err

    assert error == (
        f"dependency audit: cannot run: no advisory database in {tmp_path / 'nowhere'} "
        f"(set ADVISORY_DB), neither {CLOSED_PORT} nor {CLOSED_PORT} answers\n"
    )


def test_should_find_the_database_among_the_candidates(tmp_path: Path, planted: Path) -> None:
    settings = AuditSettings(database_candidates=(tmp_path / "nowhere", planted))

    exit_code = audit(tmp_path, settings=settings)

    assert exit_code == 1


def test_should_run_as_a_module() -> None:
    command = [sys.executable, "-m", "tools.dependency_audit", "--help"]

    completed = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, check=False)

    assert completed.returncode == 0


def test_should_audit_the_packages_of_a_tool_environment(tmp_path: Path) -> None:
    write_lock(tmp_path, {"demo-package": "1.0.1"})
    write_ignore_file(tmp_path, [])
    write_advisory(tmp_path / "db", "pytest", [{"introduced": "0"}])
    uv = shlex.join([sys.executable, str(PROJECT_ROOT / "tests" / "support" / "uv_stand_in.py")])

    exit_code = audit(tmp_path, "--database", str(tmp_path / "db"), "--tool", "pytest", "--uv", uv)

    assert exit_code == 1


def test_should_refuse_a_lock_without_a_published_package(tmp_path: Path) -> None:
    (tmp_path / "uv.lock").write_text(
        'version = 1\n\n[[package]]\nname = "p"\nsource = { virtual = "." }\n'
    )
    write_ignore_file(tmp_path, [])

    exit_code = audit(tmp_path, "--database", str(tmp_path))

    assert exit_code == 2
