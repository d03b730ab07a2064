import csv
import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import TextIO

from application.errors import SourceUnreadableError

QUOTE = '"'
STRAY_QUOTE = "a quote inside an unquoted field"
RecordMatcher = Callable[[str], re.Match[str] | None]


class CsvRecordLines:
    """Bounded lines of a CSV text; refuses a record with a quote inside an unquoted field."""

    def __init__(self, text: TextIO, *, limit: int, delimiter: str) -> None:
        self._text = text
        self._limit = limit
        self._well_quoted = well_quoted_record(delimiter)
        self._quoted: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for line in iter(partial(self._text.readline, self._limit), ""):
            if len(line) == self._limit:
                raise SourceUnreadableError(f"a line is longer than {self._limit} characters")
            if self._quoted or QUOTE in line:
                self._quoted.append(line)
            yield line

    def check_record(self) -> None:
        if not self._quoted:
            return
        record = "".join(self._quoted)
        self._quoted.clear()
        if self._well_quoted(record) is None:
            raise csv.Error(STRAY_QUOTE)


@lru_cache(maxsize=16)
def well_quoted_record(delimiter: str) -> RecordMatcher:
    separator = re.escape(delimiter)
    field = f'(?:"(?:[^"]++|"")*+"|[^"{separator}\\r\\n]*+)'
    return re.compile(f"{field}(?:{separator}{field})*+(?:\\r\\n|\\n|\\r)?").fullmatch
