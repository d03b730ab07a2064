from pathlib import Path

import pytest
from packaging.version import Version

from tests.unit.tools.dependency_audit.planted_files import write_lock
from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.audited_package import AuditedPackage
from tools.dependency_audit.lock_file import LockFile

LOCAL_PROJECT = (
    '\n[[package]]\nname = "import-worker"\nversion = "0.1.0"\nsource = { editable = "." }\n'
)


def test_should_list_every_published_package_with_its_version(tmp_path: Path) -> None:
    lock = write_lock(tmp_path, {"demo": "1.0.0", "other": "2.1"})

    sut = LockFile.read(lock)

    assert sut.packages == (
        AuditedPackage(name="demo", version=Version("1.0.0"), origin="uv.lock"),
        AuditedPackage(name="other", version=Version("2.1"), origin="uv.lock"),
    )


def test_should_set_the_local_project_apart(tmp_path: Path) -> None:
    lock = write_lock(tmp_path, {"demo": "1.0.0"})
    lock.write_text(lock.read_text(encoding="utf-8") + LOCAL_PROJECT, encoding="utf-8")

    sut = LockFile.read(lock)

    assert sut.local_projects == ("import-worker",)


def test_should_refuse_a_published_package_without_a_version(tmp_path: Path) -> None:
    lock = write_lock(tmp_path, {"demo": "1.0.0"})
    lock.write_text(lock.read_text(encoding="utf-8").replace('version = "1.0.0"\n', ""), "utf-8")

    with pytest.raises(AuditError, match="demo has no version"):
        LockFile.read(lock)


def test_should_refuse_a_version_that_is_not_pep_440(tmp_path: Path) -> None:
    lock = write_lock(tmp_path, {"demo": "one"})

    with pytest.raises(AuditError, match="is not a PEP 440 version"):
        LockFile.read(lock)


@pytest.mark.parametrize(
    "text", ["version = 1\n", "[[package]\n"], ids=["without-packages", "not-toml"]
)
def test_should_refuse_a_file_that_is_not_a_uv_lock(tmp_path: Path, text: str) -> None:
    (tmp_path / "uv.lock").write_text(text, encoding="utf-8")

    with pytest.raises(AuditError, match="not a readable uv lock file"):
        LockFile.read(tmp_path / "uv.lock")
