from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.unit.tools.dependency_audit.planted_files import PLANTED_ID, write_advisory
from tools.dependency_audit.advisory_database import AdvisoryDatabase
from tools.dependency_audit.audit_error import AuditError

ANY_EVENTS = [{"introduced": "0"}]
YAML_ADVISORY = """\
id: PYSEC-2026-2
modified: '2026-03-04T00:00:00Z'
affected:
- package:
    name: other
    ecosystem: PyPI
  versions:
  - "1.0"
"""


def advisory_ids(database: AdvisoryDatabase, package: str) -> list[str]:
    return [advisory.id for advisory, _ in database.entries_for(package)]


def test_should_find_an_advisory_by_the_canonical_package_name(tmp_path: Path) -> None:
    write_advisory(tmp_path, "Demo_Package", ANY_EVENTS)

    sut = AdvisoryDatabase.load(tmp_path)

    assert advisory_ids(sut, "demo.package") == [PLANTED_ID]


def test_should_read_advisories_written_in_yaml(tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "PYSEC-2026-2.yaml").write_text(YAML_ADVISORY, encoding="utf-8")

    sut = AdvisoryDatabase.load(tmp_path)

    assert advisory_ids(sut, "other") == ["PYSEC-2026-2"]


def test_should_skip_a_withdrawn_advisory(tmp_path: Path) -> None:
    write_advisory(tmp_path, "demo", ANY_EVENTS, withdrawn="2026-01-03T00:00:00Z")

    sut = AdvisoryDatabase.load(tmp_path)

    assert advisory_ids(sut, "demo") == []


def test_should_skip_an_advisory_of_another_ecosystem(tmp_path: Path) -> None:
    other = [{"package": {"ecosystem": "npm", "name": "demo"}, "versions": ["1.0"]}]
    write_advisory(tmp_path, "demo", ANY_EVENTS, affected=other)

    sut = AdvisoryDatabase.load(tmp_path)

    assert advisory_ids(sut, "demo") == []


def test_should_date_the_database_by_its_newest_advisory(tmp_path: Path) -> None:
    write_advisory(tmp_path, "demo", ANY_EVENTS)
    (tmp_path / "PYSEC-2026-2.yaml").write_text(YAML_ADVISORY, encoding="utf-8")

    sut = AdvisoryDatabase.load(tmp_path)

    assert sut.newest_modification == datetime(2026, 3, 4, tzinfo=UTC)


@pytest.mark.parametrize("folder", [".", ".."], ids=["inside", "beside"])
def test_should_read_the_source_note_inside_or_beside_the_database(
    tmp_path: Path, folder: str
) -> None:
    database = tmp_path / "pypa"
    write_advisory(database, "demo", ANY_EVENTS)
    (database / folder / "SOURCE.txt").write_text("snapshot of 2026-01-02\nmore\n", "utf-8")

    sut = AdvisoryDatabase.load(database)

    assert sut.source == "snapshot of 2026-01-02"


def test_should_refuse_a_database_without_advisories(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="holds no OSV advisory"):
        AdvisoryDatabase.load(tmp_path)


def test_should_refuse_a_database_that_is_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="not a directory"):
        AdvisoryDatabase.load(tmp_path / "missing")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("broken.json", "{"),
        ("broken.yaml", "id: [unclosed"),
        (
            "unversioned.yaml",
            "id: X\nmodified: '2026-01-01T00:00:00Z'\naffected: [{versions: [1.10]}]",
        ),
        ("empty.json", ""),
    ],
    ids=["json-syntax", "yaml-syntax", "unquoted-version-read-as-a-number", "empty-file"],
)
def test_should_refuse_an_advisory_it_cannot_read(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")

    with pytest.raises(AuditError, match="not a readable OSV advisory"):
        AdvisoryDatabase.load(tmp_path)
