import codecs
import io
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import BinaryIO, TextIO
from urllib.parse import urlsplit

from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.uri_opener import UriOpener
from application.errors import (
    InvalidEncodingError,
    SourceForbiddenError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from application.ports.record_source import RecordSource, SourceDescriptor, TabularStream

DEFAULT_MAX_INLINE_BYTES = 1024 * 1024


class CsvRecordSource(RecordSource):
    def __init__(
        self,
        *,
        openers: Mapping[str, UriOpener],
        reader: CsvTabularReader,
        max_inline_bytes: int = DEFAULT_MAX_INLINE_BYTES,
    ) -> None:
        self._openers = dict(openers)
        self._reader = reader
        self._max_inline_bytes = max_inline_bytes

    @contextmanager
    def open(self, source: SourceDescriptor) -> Iterator[TabularStream]:
        with self._text(source) as text:
            yield self._reader.read(text, delimiter=source.delimiter, header=source.header)

    def _text(self, source: SourceDescriptor) -> AbstractContextManager[TextIO]:
        if source.inline is not None:
            return inline_text(source.inline, max_bytes=self._max_inline_bytes)
        if source.uri is None:
            raise SourceUnreadableError("the source names neither a uri nor inline text")
        return self._decoded(source.uri, source.encoding)

    @contextmanager
    def _decoded(self, uri: str, encoding: str) -> Iterator[TextIO]:
        with self._opener(uri).open(uri) as binary, decoded_text(binary, encoding) as text:
            yield text

    def _opener(self, uri: str) -> UriOpener:
        scheme = urlsplit(uri).scheme
        opener = self._openers.get(scheme)
        if opener is None:
            raise SourceForbiddenError(f"the source scheme {scheme!r} is not enabled")
        return opener


def inline_text(text: str, *, max_bytes: int) -> TextIO:
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        raise InvalidEncodingError("the inline source holds text UTF-8 cannot encode") from error
    if size > max_bytes:
        raise SourceTooLargeError(f"the inline source is {size} bytes, more than {max_bytes}")
    return io.StringIO(text, newline="")


def decoded_text(binary: BinaryIO, encoding: str) -> TextIO:
    try:
        return io.TextIOWrapper(binary, encoding=python_encoding(encoding), newline="")
    except LookupError as error:
        raise InvalidEncodingError(f"unknown text encoding: {encoding!r}") from error


def python_encoding(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return "utf-8-sig" if name == "utf-8" else name
