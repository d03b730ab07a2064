import csv
from _csv import Reader
from collections.abc import Iterator
from functools import partial
from itertools import chain
from typing import TextIO

from application.errors import InvalidEncodingError, SourceUnreadableError
from application.ports.record_source import TabularStream

DEFAULT_MAX_LINE_CHARS = 16 * 1024 * 1024


class CsvTabularReader:
    """Streams CSV text row by row; blank lines are skipped; line and field length are bounded."""

    def __init__(self, *, max_line_chars: int = DEFAULT_MAX_LINE_CHARS) -> None:
        self._max_line_chars = max_line_chars
        csv.field_size_limit(max_line_chars)

    def read(self, text: TextIO, *, delimiter: str, header: bool) -> TabularStream:
        rows = self._rows(text, delimiter)
        first = next(rows, None)
        if first is None:
            raise SourceUnreadableError("the source is empty")
        if header:
            return TabularStream(header=tuple(first), rows=rows)
        return TabularStream(header=numbered_columns(len(first)), rows=chain([first], rows))

    def _rows(self, text: TextIO, delimiter: str) -> Iterator[list[str]]:
        if len(delimiter) != 1:
            raise SourceUnreadableError(f"the delimiter must be one character: {delimiter!r}")
        lines = bounded_lines(text, self._max_line_chars)
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        return guarded_rows(reader)


def numbered_columns(width: int) -> tuple[str, ...]:
    return tuple(f"column_{number}" for number in range(1, width + 1))


def bounded_lines(text: TextIO, limit: int) -> Iterator[str]:
    for line in iter(partial(text.readline, limit), ""):
        if len(line) == limit:
            raise SourceUnreadableError(f"a line is longer than {limit} characters")
        yield line


def guarded_rows(reader: Reader) -> Iterator[list[str]]:
    try:
        yield from filter(None, reader)
    except UnicodeDecodeError as error:
        raise InvalidEncodingError(undecodable_message(error, reader.line_num)) from error
    except csv.Error as error:
        raise SourceUnreadableError(f"malformed CSV on line {reader.line_num}: {error}") from error
    except OSError as error:
        raise SourceUnreadableError(f"the source could not be read: {error}") from error


def undecodable_message(error: UnicodeDecodeError, lines_read: int) -> str:
    line = lines_read + 1 + error.object[: error.start].count(b"\n")
    byte = error.object[error.start]
    return f"the source is not valid {error.encoding}: byte 0x{byte:02x} on line {line}"
