from hypothesis import given
from hypothesis import strategies as st

from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from application.errors import ImportSourceError
from application.ports.record_source import SourceDescriptor
from tests.property.csv_sources import (
    SOUND_ENCODINGS,
    SOURCE_URI,
    Table,
    read_table,
    written_csv,
)

DELIMITERS = st.characters(codec="utf-8", exclude_characters='"\r\n\x00')
FIELDS = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=8)
ROUND_TRIP_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]


@given(
    data=st.binary(),
    encoding=st.sampled_from(SOUND_ENCODINGS),
    delimiter=st.characters(),
    header=st.booleans(),
    max_row_bytes=st.integers(min_value=2, max_value=64),
)
def test_should_read_any_bytes_or_fail_with_a_source_error(
    data: bytes, encoding: str, delimiter: str, header: bool, max_row_bytes: int
) -> None:
    source = SourceDescriptor(uri=SOURCE_URI, encoding=encoding, delimiter=delimiter, header=header)

    outcome = read_table(data, source, CsvTabularReader(max_row_bytes=max_row_bytes))

    assert isinstance(outcome, tuple | ImportSourceError)


@given(text=st.text(alphabet=st.characters(codec=None)), delimiter=st.characters())
def test_should_read_any_inline_text_or_fail_with_a_source_error(text: str, delimiter: str) -> None:
    source = SourceDescriptor(inline=text, delimiter=delimiter)

    outcome = read_table(b"", source)

    assert isinstance(outcome, tuple | ImportSourceError)


@given(
    header=st.lists(FIELDS, min_size=1, max_size=4, unique=True),
    rows=st.lists(st.lists(FIELDS, max_size=4), max_size=5),
    delimiter=DELIMITERS,
    quote_all=st.booleans(),
    encoding=st.sampled_from(ROUND_TRIP_ENCODINGS),
)
def test_should_read_back_the_rows_a_csv_writer_wrote(
    header: list[str], rows: list[list[str]], delimiter: str, quote_all: bool, encoding: str
) -> None:
    text = written_csv([header, *rows], delimiter, quote_all)
    source = SourceDescriptor(uri=SOURCE_URI, encoding=encoding, delimiter=delimiter)

    table = read_table(text.encode(encoding), source)

    assert table == expected_table(header, rows)


def expected_table(header: list[str], rows: list[list[str]]) -> Table:
    return tuple(header), [row for row in rows if row]
