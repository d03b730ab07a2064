import abc
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceDescriptor:
    uri: str | None = None
    inline: str | None = None
    delimiter: str = ","
    encoding: str = "utf-8"
    header: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class TabularStream:
    header: tuple[str, ...]
    rows: Iterator[list[str]]


class RecordSource(abc.ABC):
    """Opens a source as a header and a lazy stream of rows; raises ImportSourceError subclasses."""

    @abc.abstractmethod
    def open(self, source: SourceDescriptor) -> AbstractContextManager[TabularStream]: ...
