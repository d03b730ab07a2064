import csv
from _csv import Reader
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import TextIO

from adapters.file_importer.csv_record_lines import CsvRecordLines
from application.errors import ImportSourceError, InvalidEncodingError, SourceUnreadableError
from application.ports.record_source import TabularStream

DEFAULT_MAX_ROW_BYTES = 1024 * 1024


class CsvTabularReader:
    """Streams CSV text row by row; blank lines are skipped; a row is at most max_row_bytes."""

    def __init__(self, *, max_row_bytes: int = DEFAULT_MAX_ROW_BYTES) -> None:
        self._max_row_bytes = max_row_bytes
        csv.field_size_limit(max_row_bytes)

    def read(self, text: TextIO, *, delimiter: str, header: bool) -> TabularStream:
        rows = self._rows(text, delimiter)
        first = next(rows, None)
        if first is None:
            raise SourceUnreadableError("the source is empty")
        if header:
            return TabularStream(header=distinct_names(first), rows=rows)
        return TabularStream(header=numbered_columns(len(first)), rows=chain([first], rows))

    def _rows(self, text: TextIO, delimiter: str) -> Iterator[list[str]]:
        if len(delimiter) != 1:
            raise SourceUnreadableError(f"the delimiter must be one character: {delimiter!r}")
        lines = CsvRecordLines(text, max_row_bytes=self._max_row_bytes, delimiter=delimiter)
        return guarded_rows(csv.reader(lines, delimiter=delimiter, strict=True))


def numbered_columns(width: int) -> tuple[str, ...]:
    return tuple(f"column_{number}" for number in range(1, width + 1))


def distinct_names(names: Sequence[str]) -> tuple[str, ...]:
    repeated = next((name for name, count in Counter(names).items() if count > 1), None)
    if repeated is not None:
        raise SourceUnreadableError(f"the header names the column {repeated!r} more than once")
    return tuple(names)


def guarded_rows(reader: Reader) -> Iterator[list[str]]:
    try:
        yield from filter(None, reader)
    except (UnicodeError, csv.Error, OSError) as error:
        raise source_error(error, reader.line_num) from error


def source_error(error: Exception, lines_read: int) -> ImportSourceError:
    if isinstance(error, UnicodeDecodeError):
        return InvalidEncodingError(undecodable_message(error, lines_read))
    if isinstance(error, UnicodeError):
        return InvalidEncodingError(f"the source cannot be decoded: {error}")
    if isinstance(error, csv.Error):
        return SourceUnreadableError(f"malformed CSV on line {lines_read}: {error}")
    return SourceUnreadableError(f"the source could not be read: {error}")


def undecodable_message(error: UnicodeDecodeError, lines_read: int) -> str:
    line = lines_read + 1 + error.object[: error.start].count(b"\n")
    byte = error.object[error.start]
    return f"the source is not valid {error.encoding}: byte 0x{byte:02x} on line {line}"
