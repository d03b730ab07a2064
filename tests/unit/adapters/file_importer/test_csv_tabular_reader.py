import io

import pytest

from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from application.errors import SourceUnreadableError


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


def test_should_refuse_a_field_longer_than_the_limit() -> None:
    text = 'note\n"' + "word\n" * 10 + '"\n'
    sut = CsvTabularReader(max_line_chars=20)
    stream = sut.read(io.StringIO(text), delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="field larger than field limit"):
        list(stream.rows)


def test_should_refuse_a_line_longer_than_the_limit() -> None:
    text = "a,b\n" + "x," * 20 + "\n"
    sut = CsvTabularReader(max_line_chars=20)
    stream = sut.read(io.StringIO(text), delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="a line is longer than 20 characters"):
        list(stream.rows)


def test_should_refuse_a_source_that_fails_while_being_read() -> None:
    text = io.TextIOWrapper(FailingBytesStream(b"id,name\n1,Ada\n"), newline="")
    sut = CsvTabularReader()
    stream = sut.read(text, delimiter=",", header=True)

    with pytest.raises(SourceUnreadableError, match="device went away"):
        list(stream.rows)
