import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote_to_bytes, urlsplit

from application.errors import (
    ImportSourceError,
    SourceForbiddenError,
    SourceNotFoundError,
    SourceUnreadableError,
)

LOCAL_HOSTS = frozenset({"", "localhost"})
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC
ROOT_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
DIRECTORY_FLAGS = ROOT_FLAGS | os.O_NOFOLLOW


def real_path_of_file_uri(uri: str) -> Path:
    parts = urlsplit(uri)
    if parts.netloc.lower() not in LOCAL_HOSTS:
        raise SourceForbiddenError(f"file URIs may not name a remote host: {parts.netloc!r}")
    path = os.fsdecode(unquote_to_bytes(parts.path))
    if "\x00" in path:
        raise SourceUnreadableError("the file path holds a NUL character")
    return Path(os.path.realpath(path))


def open_regular_file(path: Path, *, buffer_size: int) -> BinaryIO:
    return regular_file(opened(path, OPEN_FLAGS, shown=path), path, buffer_size)


def open_file_beneath(root: Path, path: Path, *, buffer_size: int) -> BinaryIO:
    relative = path.relative_to(root)
    directory = walked_down(root, relative.parent.parts, shown=path)
    try:
        descriptor = opened(relative.name or ".", OPEN_FLAGS, shown=path, dir_fd=directory)
    finally:
        os.close(directory)
    return regular_file(descriptor, path, buffer_size)


def walked_down(root: Path, names: tuple[str, ...], *, shown: Path) -> int:
    directory = opened(root, ROOT_FLAGS, shown=shown)
    for name in names:
        parent = directory
        try:
            directory = opened(name, DIRECTORY_FLAGS, shown=shown, dir_fd=parent)
        finally:
            os.close(parent)
    return directory


def opened(path: str | Path, flags: int, *, shown: Path, dir_fd: int | None = None) -> int:
    try:
        return os.open(path, flags, dir_fd=dir_fd)
    except OSError as error:
        raise refusal(error, shown, path, dir_fd) from error


def refusal(error: OSError, shown: Path, path: str | Path, dir_fd: int | None) -> ImportSourceError:
    if isinstance(error, FileNotFoundError):
        return SourceNotFoundError(f"no such file: {shown}")
    if error.errno == errno.ELOOP or is_symlink(path, dir_fd):
        return SourceForbiddenError(f"a symbolic link appeared on the path to {shown}")
    return SourceUnreadableError(f"cannot open {shown}: {error.strerror}")


def is_symlink(path: str | Path, dir_fd: int | None) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path, dir_fd=dir_fd).st_mode)
    except OSError:
        return False


def regular_file(descriptor: int, path: Path, buffer_size: int) -> BinaryIO:
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise SourceUnreadableError(f"not a regular file: {path}")
    os.set_blocking(descriptor, True)
    return open(descriptor, "rb", buffering=buffer_size)
