from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from application.ports.record_source import RecordSource, SourceDescriptor, TabularStream


class FakeRecordSource(RecordSource):

    def __init__(
        self,
        *,
        header: Sequence[str] = (),
        rows: Sequence[Sequence[str]] = (),
        open_error: Exception | None = None,
        row_error: Exception | None = None,
        while_reading: Callable[[], None] | None = None,
    ) -> None:
        self._header = tuple(header)
        self._rows = tuple(tuple(row) for row in rows)
        self._open_error = open_error
        self._row_error = row_error
        self._while_reading = while_reading
        self.opened: list[SourceDescriptor] = []
        self.closes = 0

    @property
    def opens(self) -> int:
        return len(self.opened)

    @contextmanager
    def open(self, source: SourceDescriptor) -> Iterator[TabularStream]:
        self.opened.append(source)
        if self._open_error is not None:
            raise self._open_error
        try:
            yield TabularStream(header=self._header, rows=self._served_rows())
        finally:
            self.closes += 1

    def _served_rows(self) -> Iterator[list[str]]:
        if self._while_reading is not None:
            self._while_reading()
        yield from (list(row) for row in self._rows)
        if self._row_error is not None:
            raise self._row_error
