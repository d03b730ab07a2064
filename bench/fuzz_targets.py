import io
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import BinaryIO

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.uri_opener import UriOpener
from adapters.persistence.record_codec import encode_values_json
from application.errors import ImportSourceError
from application.ports.record_source import SourceDescriptor
from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService
from domain.service.missing_columns_error import MissingColumnsError
from worker.messages.import_request_parser import parse_import_request
from worker.messages.malformed_message_error import MalformedMessageError

ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "latin-1",
    "cp1252",
    "ascii",
    "utf-16-le",
    "utf-32-be",
    "shift_jis",
    "gb18030",
    "iso2022_jp",
    "cp037",
    "idna",
    "no-such-encoding",
    "utf-16",
    "utf-32",
    "punycode",
    "undefined",
    "utf-7",
    "unicode_escape",
    "raw_unicode_escape",
)
INLINE = len(ENCODINGS)
DELIMITERS = (",", ";", "\t", "|", " ", '"', "\n", "\r", "a", "\x00", "é")
TYPES = tuple(ColumnType)
TYPED_COLUMNS = 8
CHOICE_BYTES = 3 + TYPED_COLUMNS
SOURCE_URI = "gs://fuzz/data.csv"
ATTRIBUTES = {"authorization": "Bearer fuzz"}


class BytesOpener(UriOpener):
    def __init__(self, data: bytes) -> None:
        self._data = data

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        return io.BytesIO(self._data)


def parser_input(data: bytes) -> None:
    parser_outcome(data)


def reader_input(data: bytes) -> None:
    reader_outcome(data)


def parser_outcome(data: bytes) -> str:
    try:
        parse_import_request(data=data, attributes=ATTRIBUTES, request_id="m", correlation_id="c")
    except MalformedMessageError as error:
        return f"malformed: {error.reason}"
    return "parsed"


def reader_outcome(data: bytes) -> str:
    body, choices = data[:-CHOICE_BYTES], data[-CHOICE_BYTES:].ljust(CHOICE_BYTES, b"\0")
    record_source = CsvRecordSource(
        openers={"gs": BytesOpener(body)}, reader=CsvTabularReader(max_row_bytes=4096)
    )
    try:
        return f"{_import(record_source, _source(body, choices), choices)} records"
    except ImportSourceError as error:
        return f"failed: {error.code}"
    except MissingColumnsError:
        return "failed: missing_columns"


def reader_choices(*, delimiter: str, encoding: str | None, header: bool, types: str) -> bytes:
    encoding_index = INLINE if encoding is None else ENCODINGS.index(encoding)
    typed = [TYPES.index(ColumnType(name)) for name in types.split(",")]
    flags = int(header) | 2
    padding = [0] * (TYPED_COLUMNS - len(typed))
    return bytes([DELIMITERS.index(delimiter), encoding_index, flags, *typed, *padding])


def _source(body: bytes, choices: bytes) -> SourceDescriptor:
    delimiter = DELIMITERS[choices[0] % len(DELIMITERS)]
    header = bool(choices[2] & 1)
    encoding_index = choices[1] % (len(ENCODINGS) + 1)
    if encoding_index == INLINE:
        inline = body.decode("utf-8", errors="surrogateescape")
        return SourceDescriptor(inline=inline, delimiter=delimiter, header=header)
    encoding = ENCODINGS[encoding_index]
    return SourceDescriptor(uri=SOURCE_URI, encoding=encoding, delimiter=delimiter, header=header)


def _import(record_source: CsvRecordSource, source: SourceDescriptor, choices: bytes) -> int:
    types = [TYPES[choice % len(TYPES)] for choice in choices[3:]]
    with record_source.open(source) as stream:
        columns = {name: ColumnSpec(type=type_) for name, type_ in zip(stream.header, types)}
        keyed = bool(choices[2] & 2)
        schema = ImportSchema(columns=columns, key_columns=stream.header[:1] if keyed else ())
        plan = DataImportService().plan(
            dataset="fuzz", import_id="fuzz", header=stream.header, schema=schema
        )
        records = list(plan.records(stream.rows, ImportTally()))
    for record in records:
        encode_values_json(record.values).decode("utf-8")
    return len(records)


TARGETS: dict[str, Callable[[bytes], None]] = {"parser": parser_input, "reader": reader_input}
OUTCOMES: dict[str, Callable[[bytes], str]] = {"parser": parser_outcome, "reader": reader_outcome}
