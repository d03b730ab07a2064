import abc
from contextlib import AbstractContextManager
from typing import BinaryIO


class UriOpener(abc.ABC):
    """Opens the source a URI names as a binary stream; raises ImportSourceError subclasses."""

    @abc.abstractmethod
    def open(self, uri: str) -> AbstractContextManager[BinaryIO]: ...
