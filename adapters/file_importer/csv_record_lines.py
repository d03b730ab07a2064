import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import TextIO

from application.errors import InvalidEncodingError, SourceUnreadableError

QUOTE = '"'
STRAY_QUOTE = "a quote inside an unquoted field"
UNCLOSED_QUOTE = "a quoted field is never closed"
MAX_UTF8_BYTES_PER_CHARACTER = 4
UNPAIRED_SURROGATE = re.compile("[\ud800-\udfff]")
RecordMatcher = Callable[[str], re.Match[str] | None]


class CsvRecordLines:
    """The lines of a CSV text for the csv module, checked on their way: a row is at most
    max_row_bytes of UTF-8, and a row holding quotes quotes its fields as RFC 4180 does (the csv
    module lets a quote inside an unquoted field through). A quoted field may span lines: the row
    goes on while its quotes do not pair up. Lines without quotes cost one substring test."""

    def __init__(self, text: TextIO, *, max_row_bytes: int, delimiter: str) -> None:
        self._text = text
        self._max_row_bytes = max_row_bytes
        self._surely_short = max_row_bytes // MAX_UTF8_BYTES_PER_CHARACTER
        self._complete, self._open = quoting_grammar(delimiter)
        self._record: list[str] = []
        self._quotes = self._bytes = self._line = 0

    def __iter__(self) -> Iterator[str]:
        for line in iter(partial(self._text.readline, self._max_row_bytes + 1), ""):
            self._line += 1
            self._check(line)
            yield line
        self._end()

    def _refuse_surrogates(self, line: str) -> None:
        if UNPAIRED_SURROGATE.search(line):
            message = f"line {self._line} decodes to an unpaired surrogate, which is no character"
            raise InvalidEncodingError(message)

    def _end(self) -> None:
        if self._record:
            raise self._malformed(UNCLOSED_QUOTE)

    def _check(self, line: str) -> None:
        if not line.isascii():
            self._refuse_surrogates(line)
        if self._record or QUOTE in line:
            self._hold(line)
        elif len(line) > self._surely_short:
            self._bound(len(line.encode()))

    def _hold(self, line: str) -> None:
        self._record.append(line)
        self._quotes += line.count(QUOTE)
        self._bytes += len(line.encode())
        self._bound(self._bytes)
        record = "".join(self._record)
        if self._quotes % 2 == 1:
            self._expect(self._open, record)
            return
        self._record.clear()
        self._quotes = self._bytes = 0
        self._expect(self._complete, record)

    def _expect(self, grammar: RecordMatcher, record: str) -> None:
        if grammar(record) is None:
            raise self._malformed(STRAY_QUOTE)

    def _bound(self, row_bytes: int) -> None:
        if row_bytes > self._max_row_bytes:
            raise SourceUnreadableError(f"a row is longer than {self._max_row_bytes} bytes")

    def _malformed(self, reason: str) -> SourceUnreadableError:
        return SourceUnreadableError(f"malformed CSV on line {self._line}: {reason}")


@lru_cache(maxsize=16)
def quoting_grammar(delimiter: str) -> tuple[RecordMatcher, RecordMatcher]:
    """RFC 4180 fields: a whole record, and the start of one whose last field is still quoted."""
    separator = re.escape(delimiter)
    quoted = '"(?:[^"]++|"")*+"'
    field = f'(?:{quoted}|[^"{separator}\\r\\n]*+)'
    fields = f"{field}(?:{separator}{field})*+"
    complete = re.compile(f"{fields}(?:\\r\\n|\\n|\\r)?").fullmatch
    still_open = re.compile(f'(?:{field}{separator})*+"(?:[^"]++|"")*+').fullmatch
    return complete, still_open
