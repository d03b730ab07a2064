from contextlib import AbstractContextManager
from typing import BinaryIO

from adapters.file_importer.local_files import open_regular_file, real_path_of_file_uri
from adapters.file_importer.uri_opener import UriOpener

DEFAULT_BUFFER_SIZE = 1024 * 1024


class LocalFileOpener(UriOpener):
    """Opens any file:// URI this process may read: for the operator CLI, never for requests."""

    def __init__(self, *, buffer_size: int = DEFAULT_BUFFER_SIZE) -> None:
        self._buffer_size = buffer_size

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        return open_regular_file(real_path_of_file_uri(uri), buffer_size=self._buffer_size)
