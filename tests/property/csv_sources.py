import csv
import io
from contextlib import AbstractContextManager
from typing import BinaryIO

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.uri_opener import UriOpener
from application.errors import ImportSourceError
from application.ports.record_source import SourceDescriptor

SOURCE_URI = "gs://bucket/data.csv"
SOUND_ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "latin-1",
    "cp1252",
    "ascii",
    "utf-16-le",
    "utf-16-be",
    "utf-32-be",
    "shift_jis",
    "gb18030",
    "big5",
    "koi8-r",
    "mac-roman",
    "iso2022_jp",
    "cp037",
    "idna",
    "no-such-encoding",
    "rot13",
]
Table = tuple[tuple[str, ...], list[list[str]]]


class QuotedAll(csv.excel):
    quoting = csv.QUOTE_ALL


class InMemoryUriOpener(UriOpener):
    def __init__(self, data: bytes) -> None:
        self._data = data

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        return io.BytesIO(self._data)


def read_table(
    data: bytes, source: SourceDescriptor, reader: CsvTabularReader | None = None
) -> Table | ImportSourceError:
    opener = InMemoryUriOpener(data)
    sut = CsvRecordSource(openers={"gs": opener}, reader=reader or CsvTabularReader())
    try:
        with sut.open(source) as stream:
            return stream.header, list(stream.rows)
    except ImportSourceError as error:
        return error


def written_csv(rows: list[list[str]], delimiter: str, quote_all: bool) -> str:
    text = io.StringIO(newline="")
    dialect = QuotedAll if quote_all else csv.excel
    csv.writer(text, dialect, delimiter=delimiter).writerows(rows)
    return text.getvalue()
