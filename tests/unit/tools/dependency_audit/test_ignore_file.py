from pathlib import Path

import pytest

from tests.unit.tools.dependency_audit.planted_files import reviewed_entry, write_ignore_file
from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.ignore_file import IgnoreFile
from tools.dependency_audit.osv_advisory import OsvAdvisory

ADVISORY = OsvAdvisory.model_validate(
    {"id": "PYSEC-1", "modified": "2026-01-01T00:00:00Z", "aliases": ["CVE-1", "GHSA-1"]}
)


def read_one(tmp_path: Path, entry: dict[str, str]) -> IgnoreFile:
    return IgnoreFile.read(write_ignore_file(tmp_path, [entry]))


@pytest.mark.parametrize(
    ("advisory_id", "package", "expected"),
    [
        ("PYSEC-1", "demo", True),
        ("GHSA-1", "Demo", True),
        ("PYSEC-2", "demo", False),
        ("PYSEC-1", "other", False),
    ],
    ids=["by-id", "by-alias-and-any-spelling", "another-advisory", "another-package"],
)
def test_should_cover_only_its_advisory_for_its_package(
    tmp_path: Path, advisory_id: str, package: str, expected: bool
) -> None:
    sut = read_one(tmp_path, reviewed_entry(advisory_id, package, "unused code path"))

    covered = sut.ignore[0].covers(ADVISORY, "demo")

    assert covered is expected


@pytest.mark.parametrize(
    "field", ["id", "package", "reviewed_by", "reviewed_on"], ids=lambda field: field
)
def test_should_refuse_an_entry_missing_a_review_field(tmp_path: Path, field: str) -> None:
    entry = reviewed_entry("PYSEC-1", "demo", "unused code path")
    del entry[field]

    with pytest.raises(AuditError, match=f"ignore.0.{field}: Field required"):
        read_one(tmp_path, entry)


def test_should_refuse_an_entry_with_an_unknown_field(tmp_path: Path) -> None:
    entry = {**reviewed_entry("PYSEC-1", "demo", "unused code path"), "expires": '"never"'}

    with pytest.raises(AuditError, match="ignore.0.expires: Extra inputs are not permitted"):
        read_one(tmp_path, entry)


def test_should_read_an_empty_file_as_no_entries(tmp_path: Path) -> None:
    (tmp_path / "audit-ignore.toml").write_text("", encoding="utf-8")

    sut = IgnoreFile.read(tmp_path / "audit-ignore.toml")

    assert sut.ignore == ()


def test_should_refuse_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="not a readable TOML file"):
        IgnoreFile.read(tmp_path / "audit-ignore.toml")
