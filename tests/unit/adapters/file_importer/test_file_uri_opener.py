from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.file_importer.file_uri_opener import FileUriOpener
from adapters.file_importer.local_files import real_path_of_file_uri
from application.errors import SourceForbiddenError, SourceNotFoundError, SourceUnreadableError


@pytest.fixture
def root(tmp_path: Path) -> Path:
    allowed = tmp_path / "data"
    allowed.mkdir()
    (allowed / "people.csv").write_bytes(b"id\n1\n")
    (tmp_path / "secret.csv").write_bytes(b"password\nhunter2\n")
    return allowed


def swapped_for_a_symlink(swapped: Path, target: Path) -> Callable[[str], Path]:
    def resolve_then_swap(uri: str) -> Path:
        resolved = real_path_of_file_uri(uri)
        swapped.rename(swapped.with_name(swapped.name + ".moved"))
        swapped.symlink_to(target)
        return resolved

    return resolve_then_swap


def read_bytes(sut: FileUriOpener, uri: str) -> bytes:
    with sut.open(uri) as binary:
        return binary.read()


def test_should_open_a_file_under_an_allowed_root(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    content = read_bytes(sut, (root / "people.csv").as_uri())

    assert content == b"id\n1\n"


def test_should_open_a_file_under_any_of_several_roots(tmp_path: Path, root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[tmp_path / "elsewhere", str(root)])

    content = read_bytes(sut, (root / "people.csv").as_uri())

    assert content == b"id\n1\n"


def test_should_decode_percent_escapes_in_the_path(root: Path) -> None:
    (root / "my data #1.csv").write_bytes(b"x\n")
    sut = FileUriOpener(allowed_roots=[root])

    content = read_bytes(sut, (root / "my data #1.csv").as_uri())

    assert content == b"x\n"


def test_should_accept_localhost_as_the_host(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    content = read_bytes(sut, f"file://localhost{root}/people.csv")

    assert content == b"id\n1\n"


def test_should_accept_a_root_given_through_a_symlink(tmp_path: Path, root: Path) -> None:
    (tmp_path / "link").symlink_to(root)
    sut = FileUriOpener(allowed_roots=[tmp_path / "link"])

    content = read_bytes(sut, (root / "people.csv").as_uri())

    assert content == b"id\n1\n"


def test_should_follow_a_symlink_that_stays_under_the_root(root: Path) -> None:
    (root / "alias.csv").symlink_to(root / "people.csv")
    sut = FileUriOpener(allowed_roots=[root])

    content = read_bytes(sut, (root / "alias.csv").as_uri())

    assert content == b"id\n1\n"


def test_should_refuse_every_file_when_no_root_is_configured(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[])

    with pytest.raises(SourceForbiddenError, match="no allowed root"):
        sut.open((root / "people.csv").as_uri())


def test_should_ignore_an_empty_root_rather_than_allow_the_working_directory(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root)
    sut = FileUriOpener(allowed_roots=[""])

    with pytest.raises(SourceForbiddenError):
        sut.open((root / "people.csv").as_uri())


def test_should_refuse_a_path_that_climbs_out_of_the_root(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceForbiddenError):
        sut.open(f"file://{root}/../secret.csv")


def test_should_refuse_a_symlink_that_points_out_of_the_root(tmp_path: Path, root: Path) -> None:
    (root / "escape.csv").symlink_to(tmp_path / "secret.csv")
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceForbiddenError):
        sut.open((root / "escape.csv").as_uri())


def test_should_refuse_a_sibling_whose_name_starts_like_the_root(root: Path) -> None:
    sibling = root.with_name(root.name + "-other")
    sibling.mkdir()
    (sibling / "people.csv").write_bytes(b"id\n")
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceForbiddenError):
        sut.open((sibling / "people.csv").as_uri())


def test_should_refuse_a_missing_file_outside_the_root_as_forbidden(
    tmp_path: Path, root: Path
) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceForbiddenError):
        sut.open((tmp_path / "missing.csv").as_uri())


def test_should_report_a_missing_file_under_the_root(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceNotFoundError):
        sut.open((root / "missing.csv").as_uri())


def test_should_refuse_a_directory_as_unreadable(root: Path) -> None:
    (root / "folder").mkdir()
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceUnreadableError, match="not a regular file"):
        sut.open((root / "folder").as_uri())


def test_should_refuse_a_directory_swapped_for_a_symlink_out_of_the_root_after_the_check(
    tmp_path: Path, root: Path
) -> None:
    (root / "inner").mkdir()
    (root / "inner" / "people.csv").write_bytes(b"id\n1\n")
    (tmp_path / "people.csv").write_bytes(b"password\nhunter2\n")
    resolve = swapped_for_a_symlink(root / "inner", tmp_path)
    sut = FileUriOpener(allowed_roots=[root], resolve=resolve)

    with pytest.raises(SourceForbiddenError, match="symbolic link"):
        sut.open((root / "inner" / "people.csv").as_uri())


def test_should_refuse_a_file_swapped_for_a_symlink_out_of_the_root_after_the_check(
    tmp_path: Path, root: Path
) -> None:
    resolve = swapped_for_a_symlink(root / "people.csv", tmp_path / "secret.csv")
    sut = FileUriOpener(allowed_roots=[root], resolve=resolve)

    with pytest.raises(SourceForbiddenError, match="symbolic link"):
        sut.open((root / "people.csv").as_uri())


def test_should_open_a_file_several_directories_below_the_root(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "deep.csv").write_bytes(b"deep\n")
    sut = FileUriOpener(allowed_roots=[root])

    content = read_bytes(sut, (root / "a" / "b" / "deep.csv").as_uri())

    assert content == b"deep\n"


def test_should_report_a_missing_directory_under_the_root(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceNotFoundError):
        sut.open((root / "nowhere" / "people.csv").as_uri())


def test_should_refuse_the_root_itself_as_unreadable(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceUnreadableError, match="not a regular file"):
        sut.open(root.as_uri())


def test_should_refuse_a_path_that_runs_through_a_file_under_the_root(root: Path) -> None:
    sut = FileUriOpener(allowed_roots=[root])

    with pytest.raises(SourceUnreadableError, match="cannot open"):
        sut.open((root / "people.csv" / "inner.csv").as_uri())
