import csv
import io

import pytest

from adapters.file_importer.csv_record_source import decoded_text
from adapters.file_importer.csv_tabular_reader import CsvTabularReader, source_error
from application.errors import InvalidEncodingError, SourceUnreadableError


class FailingBytesStream(io.BytesIO):
    def read1(self, size: int | None = -1, /) -> bytes:
        data = super().read1(size)
        if not data:
            raise OSError("device went away")
        return data


def rows_of(
    sut: CsvTabularReader, text: str, *, delimiter: str = ",", header: bool = True
) -> list[list[str]]:
    stream = sut.read(io.StringIO(text), delimiter=delimiter, header=header)
    return list(stream.rows)


def test_should_name_columns_after_the_first_row() -> None:
    sut = CsvTabularReader()

    stream = sut.read(io.StringIO("id,name\n1,Ada\n"), delimiter=",", header=True)

    assert stream.header == ("id", "name")


def test_should_stream_the_rows_after_the_header() -> None:
    text = "id,name\n1,Ada\n2,Grace\n"
    sut = CsvTabularReader()

    rows = rows_of(sut, text)

    assert rows == [["1", "Ada"], ["2", "Grace"]]


def test_should_split_fields_on_a_semicolon_delimiter() -> None:
    text = "id;name\n1;Ada, Countess\n"
    sut = CsvTabularReader()

    rows = rows_of(sut, text, delimiter=";")

    assert rows == [["1", "Ada, Countess"]]


def test_should_number_the_columns_when_there_is_no_header() -> None:
    sut = CsvTabularReader()

    stream = sut.read(io.StringIO("1,Ada,x\n2,Grace,y\n"), delimiter=",", header=False)

    assert stream.header == ("column_1", "column_2", "column_3")


def test_should_keep_the_first_row_as_data_when_there_is_no_header() -> None:
    text = "1,Ada\n2,Grace\n"
    sut = CsvTabularReader()

    rows = rows_of(sut, text, header=False)

    assert rows == [["1", "Ada"], ["2", "Grace"]]


def test_should_keep_newlines_and_delimiters_inside_quoted_fields() -> None:
    text = 'id,note\n1,"first line, with a comma\nsecond line"\n'
    sut = CsvTabularReader()

    rows = rows_of(sut, text)

    assert rows == [["1", "first line, with a comma\nsecond line"]]


def test_should_undouble_quotes_inside_quoted_fields() -> None:
    text = 'id,note\n1,"she said ""hi"""\n'
    sut = CsvTabularReader()

    rows = rows_of(sut, text)

    assert rows == [["1", 'she said "hi"']]


def test_should_skip_blank_lines() -> None:
    text = "id\n\n1\n\n2\n\n"
    sut = CsvTabularReader()

    rows = rows_of(sut, text)

    assert rows == [["1"], ["2"]]


def test_should_read_no_further_than_the_header_before_rows_are_iterated() -> None:
    text = io.StringIO("id,name\n1,Ada\n2,Grace\n")
    sut = CsvTabularReader()

    sut.read(text, delimiter=",", header=True)

    assert text.tell() == len("id,name\n")


@pytest.mark.parametrize("header", [True, False], ids=["with header", "without header"])
@pytest.mark.parametrize("text", ["", "\n\n\r\n"], ids=["no bytes", "blank lines only"])
def test_should_refuse_an_empty_source(text: str, header: bool) -> None:
    sut = CsvTabularReader()

    with pytest.raises(SourceUnreadableError, match="the source is empty"):
        sut.read(io.StringIO(text), delimiter=",", header=header)


@pytest.mark.parametrize("delimiter", ["", ";;"], ids=["empty", "two characters"])
def test_should_refuse_a_delimiter_that_is_not_one_character(delimiter: str) -> None:
    sut = CsvTabularReader()

    with pytest.raises(SourceUnreadableError, match="one character"):
        sut.read(io.StringIO("a,b\n"), delimiter=delimiter, header=True)


@pytest.mark.parametrize(
    "text",
    ['id,name\n1,Ada\n2,"Gra"ce\n', 'id,name\n1,Ada\n2,"Grace\n'],
    ids=["stray quote", "unterminated quote"],
)
def test_should_refuse_malformed_csv_naming_the_line(text: str) -> None:
    sut = CsvTabularReader()
    stream = sut.read(io.StringIO(text), delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="malformed CSV on line 3"):
        list(stream.rows)


def test_should_refuse_a_row_whose_quoted_field_spans_lines_past_the_limit() -> None:
    text = 'note\n"' + "word\n" * 10 + '"\n'
    sut = CsvTabularReader(max_row_bytes=20)
    stream = sut.read(io.StringIO(text), delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="a row is longer than 20 bytes"):
        list(stream.rows)


def test_should_refuse_a_line_longer_than_the_limit() -> None:
    text = "a,b\n" + "x," * 20 + "\n"
    sut = CsvTabularReader(max_row_bytes=20)
    stream = sut.read(io.StringIO(text), delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="a row is longer than 20 bytes"):
        list(stream.rows)


def test_should_count_the_limit_in_utf8_bytes_not_characters() -> None:
    text = "a\n" + "\u00e9" * 11 + "\n"
    sut = CsvTabularReader(max_row_bytes=20)
    stream = sut.read(io.StringIO(text), delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="a row is longer than 20 bytes"):
        list(stream.rows)


@pytest.mark.parametrize(
    "row",
    ["x" * 19, '"' + "y" * 17 + '"', '"a\nb"'],
    ids=["unquoted", "quoted", "quoted-across-lines"],
)
def test_should_read_a_row_of_exactly_the_limit(row: str) -> None:
    sut = CsvTabularReader(max_row_bytes=20)
    stream = sut.read(io.StringIO(f"a\n{row}\n"), delimiter=",", header=True)

    rows = list(stream.rows)

    assert len(rows) == 1


def test_should_refuse_a_quote_left_open_at_the_end_of_the_source() -> None:
    sut = CsvTabularReader()
    stream = sut.read(io.StringIO('id,note\n1,"open\nstill open\n'), delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="malformed CSV"):
        list(stream.rows)


def test_should_refuse_a_source_that_fails_while_being_read() -> None:
    text = io.TextIOWrapper(FailingBytesStream(b"id,name\n1,Ada\n"), newline="")
    sut = CsvTabularReader()
    stream = sut.read(text, delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="device went away"):
        list(stream.rows)


@pytest.mark.parametrize(
    ("text", "delimiter", "line"),
    [
        ('id,name\n1,x"y\n', ",", 2),
        ('id,name\n1,x"\n', ",", 2),
        ('id,name\n1,x""y\n', ",", 2),
        ('id,name\n1,"a\nb"\n2,c"d\n', ",", 4),
        ('id,name\n1,"a\nb",x"y\n', ",", 3),
        ('id;name\n1;x"y\n', ";", 2),
        ('id\tname\n1\tx"y\n', "\t", 2),
        ('i"d,name\n1,x\n', ",", 1),
    ],
    ids=[
        "quote-inside",
        "quote-at-the-end",
        "doubled-quote-unquoted",
        "after-a-multi-line-field",
        "on-the-line-of-a-multi-line-field",
        "semicolon-delimiter",
        "tab-delimiter",
        "in-the-header",
    ],
)
def test_should_refuse_a_quote_inside_an_unquoted_field_naming_the_line(
    text: str, delimiter: str, line: int
) -> None:
    sut = CsvTabularReader()

    with pytest.raises(SourceUnreadableError, match=f"malformed CSV on line {line}: .*quote"):
        rows_of(sut, text, delimiter=delimiter)


@pytest.mark.parametrize(
    ("text", "delimiter", "expected"),
    [
        ('id,note\n1,""\n', ",", [["1", ""]]),
        ('id,note\n"1","a,""b"""\n', ",", [["1", 'a,"b"']]),
        ('id;note\n1;"x;""y"\r\n2;z\r\n', ";", [["1", 'x;"y'], ["2", "z"]]),
        ('id,note\n1,"multi\n""line"""\n2,plain\n', ",", [["1", 'multi\n"line"'], ["2", "plain"]]),
    ],
    ids=["empty-quoted", "quoted-delimiter", "semicolon", "multi-line"],
)
def test_should_accept_quotes_that_open_and_close_a_field(
    text: str, delimiter: str, expected: list[list[str]]
) -> None:
    sut = CsvTabularReader()

    rows = rows_of(sut, text, delimiter=delimiter)

    assert rows == expected


@pytest.mark.parametrize(
    ("text", "column"),
    [("id,name,id\n1,a,2\n", "'id'"), ("a,b,c,b\n1,2,3,4\n", "'b'"), (",\n1,2\n", "''")],
    ids=["first-and-last", "middle", "empty-names"],
)
def test_should_refuse_a_header_that_names_a_column_twice(text: str, column: str) -> None:
    sut = CsvTabularReader()

    with pytest.raises(SourceUnreadableError, match=f"names the column {column} more than once"):
        sut.read(io.StringIO(text), delimiter=",", header=True)


def test_should_accept_repeated_values_in_the_first_row_when_there_is_no_header() -> None:
    sut = CsvTabularReader()

    stream = sut.read(io.StringIO("1,1\n"), delimiter=",", header=False)

    assert stream.header == ("column_1", "column_2")


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-16", b"a\x00\n\x00"),
        ("utf-32", b"a\x00\x00\x00"),
        ("punycode", b"\x00"),
        ("undefined", b"a\n"),
    ],
    ids=["utf-16-without-bom", "utf-32-without-bom", "punycode", "undefined"],
)
def test_should_call_a_source_its_encoding_cannot_decode_invalid_encoding(
    encoding: str, data: bytes
) -> None:
    sut = CsvTabularReader()

    with pytest.raises(InvalidEncodingError):
        sut.read(decoded_text(io.BytesIO(data), encoding), delimiter=",", header=True)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [("utf-7", b"a\n+2AA-\n"), ("unicode_escape", b"a\n\\ud800\n")],
    ids=["utf-7", "unicode-escape"],
)
def test_should_call_a_source_decoding_to_an_unpaired_surrogate_invalid_encoding(
    encoding: str, data: bytes
) -> None:
    sut = CsvTabularReader()
    stream = sut.read(decoded_text(io.BytesIO(data), encoding), delimiter=",", header=True)

    with pytest.raises(InvalidEncodingError, match="line 2 decodes to an unpaired surrogate"):
        list(stream.rows)


def test_should_name_the_line_of_an_error_the_csv_module_raises() -> None:
    error = source_error(csv.Error("unexpected end of data"), 7)

    assert str(error) == "malformed CSV on line 7: unexpected end of data"
