from pathlib import Path

import pytest

from adapters.file_importer.local_file_opener import LocalFileOpener
from application.errors import SourceNotFoundError


def test_should_open_a_file_anywhere_the_process_may_read(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_bytes(b"id\n1\n")
    sut = LocalFileOpener()

    with sut.open((tmp_path / "people.csv").as_uri()) as binary:
        content = binary.read()

    assert content == b"id\n1\n"


def test_should_report_a_missing_file(tmp_path: Path) -> None:
    sut = LocalFileOpener()

    with pytest.raises(SourceNotFoundError):
        sut.open((tmp_path / "missing.csv").as_uri())
