import os
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

from adapters.file_importer.local_files import open_file_beneath, real_path_of_file_uri
from adapters.file_importer.uri_opener import UriOpener
from application.errors import SourceForbiddenError

DEFAULT_BUFFER_SIZE = 1024 * 1024


class FileUriOpener(UriOpener):
    def __init__(
        self,
        *,
        allowed_roots: Iterable[str | Path],
        buffer_size: int = DEFAULT_BUFFER_SIZE,
        resolve: Callable[[str], Path] = real_path_of_file_uri,
    ) -> None:
        self._roots = tuple(Path(os.path.realpath(root)) for root in allowed_roots if str(root))
        self._buffer_size = buffer_size
        self._resolve = resolve

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        if not self._roots:
            raise SourceForbiddenError("file sources are refused: no allowed root is configured")
        path = self._resolve(uri)
        root = next((root for root in self._roots if path.is_relative_to(root)), None)
        if root is None:
            raise SourceForbiddenError("the file is outside every allowed root")
        return open_file_beneath(root, path, buffer_size=self._buffer_size)
