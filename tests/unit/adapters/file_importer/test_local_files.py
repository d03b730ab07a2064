import os
from pathlib import Path

import pytest

from adapters.file_importer.local_files import open_regular_file, real_path_of_file_uri
from application.errors import SourceForbiddenError, SourceNotFoundError, SourceUnreadableError


def test_should_resolve_dot_dot_and_percent_escapes(tmp_path: Path) -> None:
    uri = f"file://{tmp_path}/a%20b/../c%C3%A9.csv"

    path = real_path_of_file_uri(uri)

    assert path == tmp_path / "c\u00e9.csv"


def test_should_refuse_a_file_uri_naming_a_remote_host() -> None:
    uri = "file://fileserver/share/data.csv"

    with pytest.raises(SourceForbiddenError, match="remote host"):
        real_path_of_file_uri(uri)


def test_should_refuse_a_path_holding_a_nul_character(tmp_path: Path) -> None:
    uri = f"file://{tmp_path}/data%00.csv"

    with pytest.raises(SourceUnreadableError, match="NUL"):
        real_path_of_file_uri(uri)


def test_should_open_a_regular_file_for_reading(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_bytes(b"id\n")

    with open_regular_file(tmp_path / "data.csv", buffer_size=1024) as binary:
        content = binary.read()

    assert content == b"id\n"


def test_should_report_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.csv"

    with pytest.raises(SourceNotFoundError):
        open_regular_file(path, buffer_size=1024)


def test_should_refuse_a_path_that_runs_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_bytes(b"id\n")

    with pytest.raises(SourceUnreadableError, match="cannot open"):
        open_regular_file(tmp_path / "data.csv" / "inner.csv", buffer_size=1024)


def test_should_refuse_a_named_pipe_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")

    with pytest.raises(SourceUnreadableError, match="not a regular file"):
        open_regular_file(tmp_path / "pipe", buffer_size=1024)


def test_should_refuse_a_directory(tmp_path: Path) -> None:
    path = tmp_path

    with pytest.raises(SourceUnreadableError, match="not a regular file"):
        open_regular_file(path, buffer_size=1024)
