import os
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

from adapters.file_importer.local_files import open_regular_file, real_path_of_file_uri
from adapters.file_importer.uri_opener import UriOpener
from application.errors import SourceForbiddenError

DEFAULT_BUFFER_SIZE = 1024 * 1024


class FileUriOpener(UriOpener):
    def __init__(
        self, *, allowed_roots: Iterable[str | Path], buffer_size: int = DEFAULT_BUFFER_SIZE
    ) -> None:
        self._roots = tuple(Path(os.path.realpath(root)) for root in allowed_roots if str(root))
        self._buffer_size = buffer_size

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        if not self._roots:
            raise SourceForbiddenError("file sources are refused: no allowed root is configured")
        path = real_path_of_file_uri(uri)
        if not any(path.is_relative_to(root) for root in self._roots):
            raise SourceForbiddenError("the file is outside every allowed root")
        return open_regular_file(path, buffer_size=self._buffer_size)
