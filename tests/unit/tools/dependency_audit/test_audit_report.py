from pathlib import Path

import pytest

from tests.unit.tools.dependency_audit.planted_files import (
    reviewed_entry,
    write_advisory,
    write_ignore_file,
    write_lock,
)
from tools.dependency_audit.audit_run import main


def audit_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    arguments = ["--lock", str(tmp_path / "uv.lock"), "--online", "never"]
    files = [
        "--database",
        str(tmp_path / "db"),
        "--ignore-file",
        str(tmp_path / "audit-ignore.toml"),
    ]
    main([*arguments, *files])
    return capsys.readouterr().out.splitlines()


@pytest.fixture
def lock_with_an_advisory(tmp_path: Path) -> Path:
    write_lock(tmp_path, {"demo": "1.0", "other": "2.0"})
    write_advisory(tmp_path / "db", "demo", [{"introduced": "0"}, {"fixed": "1.1"}])
    return tmp_path


def test_should_say_which_entry_ignored_a_finding_and_why(
    lock_with_an_advisory: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_ignore_file(lock_with_an_advisory, [reviewed_entry("PLANTED-2026-1", "demo", "unused")])

    lines = audit_output(lock_with_an_advisory, capsys)

    assert (
        "dependency audit: ignored demo 1.0 (uv.lock): PLANTED-2026-1, CVE-2026-0001: "
        "fixed in 1.1: unused (reviewed by security review, 2026-01-05)"
    ) in lines


def test_should_point_out_an_ignore_entry_that_covers_nothing(
    lock_with_an_advisory: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = [
        reviewed_entry("PLANTED-2026-1", "demo", "unused"),
        reviewed_entry("PYSEC-9", "other", "stale"),
    ]
    write_ignore_file(lock_with_an_advisory, entries)

    lines = audit_output(lock_with_an_advisory, capsys)

    assert (
        "dependency audit: unused ignore entry PYSEC-9 for other: nothing it covers was found"
    ) in lines


def test_should_count_the_packages_and_name_the_skipped_local_project(
    lock_with_an_advisory: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = lock_with_an_advisory / "uv.lock"
    local = '\n[[package]]\nname = "import-worker"\nversion = "0.1.0"\nsource = { virtual = "." }\n'
    lock.write_text(lock.read_text(encoding="utf-8") + local, encoding="utf-8")
    write_ignore_file(lock_with_an_advisory, [])

    lines = audit_output(lock_with_an_advisory, capsys)

    assert (
        "dependency audit: checking 2 packages: 2 from uv.lock "
        "(skipped the local project import-worker)"
    ) == lines[0]
