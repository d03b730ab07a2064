import getpass
import os

from domain.auth.user_identity import UserIdentity


def operator_login() -> str:
    """The login name of the user running the command; `uid:N` where the system knows none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid:{os.getuid()}"


def operator_reader() -> UserIdentity:
    return UserIdentity(subject=operator_login(), roles=frozenset())
