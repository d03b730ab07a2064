import os
import stat
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote_to_bytes, urlsplit

from application.errors import SourceForbiddenError, SourceNotFoundError, SourceUnreadableError

LOCAL_HOSTS = frozenset({"", "localhost"})
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW


def real_path_of_file_uri(uri: str) -> Path:
    parts = urlsplit(uri)
    if parts.netloc.lower() not in LOCAL_HOSTS:
        raise SourceForbiddenError(f"file URIs may not name a remote host: {parts.netloc!r}")
    path = os.fsdecode(unquote_to_bytes(parts.path))
    if "\x00" in path:
        raise SourceUnreadableError("the file path holds a NUL character")
    return Path(os.path.realpath(path))


def open_regular_file(path: Path, *, buffer_size: int) -> BinaryIO:
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except FileNotFoundError as error:
        raise SourceNotFoundError(f"no such file: {path}") from error
    except OSError as error:
        raise SourceUnreadableError(f"cannot open {path}: {error.strerror}") from error
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise SourceUnreadableError(f"not a regular file: {path}")
    os.set_blocking(descriptor, True)
    return open(descriptor, "rb", buffering=buffer_size)
