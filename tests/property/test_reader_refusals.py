import pytest

from application.errors import ImportSourceError, InvalidEncodingError, SourceUnreadableError
from application.ports.record_source import SourceDescriptor
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.model.record_value import RecordValue
from domain.service.data_import_service import DataImportService
from domain.service.missing_columns_error import MissingColumnsError
from tests.property.csv_sources import SOURCE_URI, read_table


def imported_values(data: bytes) -> list[dict[str, RecordValue]] | Exception:
    table = read_table(data, SourceDescriptor(uri=SOURCE_URI))
    if isinstance(table, Exception):
        return table
    header, rows = table
    try:
        plan = DataImportService().plan(
            dataset="d", import_id="i", header=header, schema=ImportSchema()
        )
    except MissingColumnsError as error:
        return error
    return [dict(record.values) for record in plan.records(rows, ImportTally())]


@pytest.mark.parametrize(
    ("encoding", "data"),
    [("utf-16", b"a\x00"), ("utf-32", b"a\x00\x00\x00"), ("punycode", b"\x00"), ("undefined", b"")],
    ids=["utf-16-without-bom", "utf-32-without-bom", "punycode", "undefined"],
)
def test_should_call_a_source_its_encoding_cannot_decode_invalid_encoding(
    encoding: str, data: bytes
) -> None:
    outcome = read_table(data, SourceDescriptor(uri=SOURCE_URI, encoding=encoding))

    assert isinstance(outcome, InvalidEncodingError)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [("utf-7", b"+2D0-\n"), ("unicode_escape", b"\\ud800\n"), ("raw_unicode_escape", b"\\ud800\n")],
    ids=["utf-7", "unicode-escape", "raw-unicode-escape"],
)
def test_should_call_a_source_decoding_to_an_unpaired_surrogate_invalid_encoding(
    encoding: str, data: bytes
) -> None:
    outcome = read_table(data, SourceDescriptor(uri=SOURCE_URI, encoding=encoding))

    assert isinstance(outcome, InvalidEncodingError)


def test_should_refuse_a_stray_quote_inside_an_unquoted_field() -> None:
    outcome = read_table(b'id,name\n1,ab"c\n', SourceDescriptor(uri=SOURCE_URI))

    assert isinstance(outcome, SourceUnreadableError)


def test_should_fail_an_import_whose_header_names_a_column_twice() -> None:
    outcome = imported_values(b"a,a\n1,2\n")

    assert isinstance(outcome, ImportSourceError | MissingColumnsError)
