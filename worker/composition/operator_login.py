import getpass
import os
import sys

from adapters.observability.null_import_progress import NullImportProgress
from adapters.observability.tqdm_import_progress import TqdmImportProgress
from application.ports.import_progress import ImportProgress
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole


def operator_login() -> str:
    """The login name of the user running the command; `uid:N` where the system knows none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid:{os.getuid()}"


def operator_reader() -> UserIdentity:
    return UserIdentity(subject=operator_login(), roles=frozenset())


def operator_importer() -> UserIdentity:
    return UserIdentity(
        subject=f"operator:{operator_login()}", roles=frozenset({UserRole.IMPORTER})
    )


def operator_progress(interactive: bool) -> ImportProgress:
    if interactive:
        return TqdmImportProgress(stream=sys.stderr, description="importing")
    return NullImportProgress()
