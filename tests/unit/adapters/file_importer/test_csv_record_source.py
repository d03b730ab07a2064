import io
from contextlib import AbstractContextManager, suppress
from pathlib import Path
from typing import BinaryIO

import pytest

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.file_uri_opener import FileUriOpener
from adapters.file_importer.uri_opener import UriOpener
from application.errors import (
    InvalidEncodingError,
    SourceForbiddenError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from application.ports.record_source import RecordSource, SourceDescriptor


class InMemoryUriOpener(UriOpener):
    def __init__(self, data: bytes) -> None:
        self.opened = io.BytesIO(data)

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        return self.opened


def file_source(tmp_path: Path, data: bytes) -> CsvRecordSource:
    (tmp_path / "data.csv").write_bytes(data)
    opener = FileUriOpener(allowed_roots=[tmp_path])
    return CsvRecordSource(openers={"file": opener}, reader=CsvTabularReader())


def data_file(tmp_path: Path, encoding: str = "utf-8") -> SourceDescriptor:
    return SourceDescriptor(uri=(tmp_path / "data.csv").as_uri(), encoding=encoding)


def inline_source(max_inline_bytes: int = 1024) -> CsvRecordSource:
    return CsvRecordSource(openers={}, reader=CsvTabularReader(), max_inline_bytes=max_inline_bytes)


def read_all(
    sut: RecordSource, source: SourceDescriptor
) -> tuple[tuple[str, ...], list[list[str]]]:
    with sut.open(source) as stream:
        return stream.header, list(stream.rows)


def late_invalid_byte() -> bytes:
    return b"id,name\n" + b"".join(b"%d,row\n" % number for number in range(10_000)) + b"1,\xff\n"


def test_should_read_the_header_and_rows_of_a_file() -> None:
    sut = CsvRecordSource(openers={"gs": InMemoryUriOpener(b"id\n7\n")}, reader=CsvTabularReader())

    content = read_all(sut, SourceDescriptor(uri="gs://bucket/data.csv"))

    assert content == (("id",), [["7"]])


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf_8"], ids=["utf-8", "UTF8", "utf_8"])
def test_should_tolerate_a_utf8_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    sut = file_source(tmp_path, b"\xef\xbb\xbfid,name\n1,Ada\n")

    header, _ = read_all(sut, data_file(tmp_path, encoding=encoding))

    assert header == ("id", "name")


def test_should_decode_latin1_when_asked(tmp_path: Path) -> None:
    sut = file_source(tmp_path, b"name\ncaf\xe9\n")

    _, rows = read_all(sut, data_file(tmp_path, encoding="latin-1"))

    assert rows == [["caf\u00e9"]]


def test_should_keep_crlf_inside_quoted_fields_of_a_crlf_file(tmp_path: Path) -> None:
    sut = file_source(tmp_path, b'id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n')

    _, rows = read_all(sut, data_file(tmp_path))

    assert rows == [["1", "two\r\nlines"], ["2", "plain"]]


def test_should_refuse_an_invalid_byte_late_in_the_file_while_rows_are_read(
    tmp_path: Path,
) -> None:
    sut = file_source(tmp_path, late_invalid_byte())

    with sut.open(data_file(tmp_path)) as stream, pytest.raises(InvalidEncodingError):
        list(stream.rows)


def test_should_name_the_line_of_an_invalid_byte(tmp_path: Path) -> None:
    sut = file_source(tmp_path, late_invalid_byte())

    with pytest.raises(InvalidEncodingError, match="byte 0xff on line 10002"):
        read_all(sut, data_file(tmp_path))


def test_should_refuse_an_invalid_byte_in_the_header(tmp_path: Path) -> None:
    sut = file_source(tmp_path, b"id,n\xe9me\n1,Ada\n")

    with pytest.raises(InvalidEncodingError, match="line 1"):
        read_all(sut, data_file(tmp_path))


@pytest.mark.parametrize(
    "encoding", ["klingon-8", "base64"], ids=["unknown", "not a text encoding"]
)
def test_should_refuse_an_encoding_it_cannot_decode_with(tmp_path: Path, encoding: str) -> None:
    sut = file_source(tmp_path, b"id\n1\n")

    with pytest.raises(InvalidEncodingError, match="unknown text encoding"):
        read_all(sut, data_file(tmp_path, encoding=encoding))


def test_should_close_the_file_when_the_encoding_is_unknown() -> None:
    opener = InMemoryUriOpener(b"id\n1\n")
    sut = CsvRecordSource(openers={"gs": opener}, reader=CsvTabularReader())

    with suppress(InvalidEncodingError):
        read_all(sut, SourceDescriptor(uri="gs://bucket/data.csv", encoding="klingon-8"))

    assert opener.opened.closed is True


def test_should_close_the_file_when_the_stream_is_done() -> None:
    opener = InMemoryUriOpener(b"id\n1\n")
    sut = CsvRecordSource(openers={"gs": opener}, reader=CsvTabularReader())

    read_all(sut, SourceDescriptor(uri="gs://bucket/data.csv"))

    assert opener.opened.closed is True


@pytest.mark.parametrize(
    "uri",
    ["gs://bucket/data.csv", "https://example.com/data.csv", "/srv/data.csv"],
    ids=["gs", "https", "no scheme"],
)
def test_should_refuse_a_scheme_without_an_opener(tmp_path: Path, uri: str) -> None:
    sut = file_source(tmp_path, b"id\n1\n")

    with pytest.raises(SourceForbiddenError, match="is not enabled"):
        read_all(sut, SourceDescriptor(uri=uri))


def test_should_refuse_a_source_with_neither_uri_nor_inline_text() -> None:
    sut = inline_source()

    with pytest.raises(SourceUnreadableError, match="neither a uri nor inline text"):
        read_all(sut, SourceDescriptor())


@pytest.mark.parametrize(
    "text", ["id\r\n1\r\n2\r\n", "id\r1\r2\r", "id\n1\n2"], ids=["CRLF", "CR", "LF without end"]
)
def test_should_read_inline_text_whatever_its_line_ends(text: str) -> None:
    sut = inline_source()

    content = read_all(sut, SourceDescriptor(inline=text))

    assert content == (("id",), [["1"], ["2"]])


def test_should_ignore_the_encoding_of_inline_text() -> None:
    sut = inline_source()

    content = read_all(sut, SourceDescriptor(inline="name\ncaf\u00e9\n", encoding="klingon-8"))

    assert content == (("name",), [["caf\u00e9"]])


def test_should_accept_inline_text_of_exactly_the_limit() -> None:
    sut = inline_source(max_inline_bytes=8)

    content = read_all(sut, SourceDescriptor(inline="id\n1\n22\n"))

    assert content == (("id",), [["1"], ["22"]])


@pytest.mark.parametrize(
    "text", ["id\n1\n333\n", "\u00e9\u00e9\u00e9\u00e9\u00e9"], ids=["ascii", "two bytes a char"]
)
def test_should_refuse_inline_text_over_the_limit_in_utf8_bytes(text: str) -> None:
    sut = inline_source(max_inline_bytes=8)

    with pytest.raises(SourceTooLargeError):
        read_all(sut, SourceDescriptor(inline=text))


def test_should_refuse_inline_text_that_utf8_cannot_encode() -> None:
    sut = inline_source()

    with pytest.raises(InvalidEncodingError):
        read_all(sut, SourceDescriptor(inline="id\n\ud800\n"))


def test_should_refuse_an_empty_file(tmp_path: Path) -> None:
    sut = file_source(tmp_path, b"")

    with pytest.raises(SourceUnreadableError, match="the source is empty"):
        read_all(sut, data_file(tmp_path))
