from psycopg.conninfo import make_conninfo

from application.ports.database_credentials import DatabaseCredentials, DatabaseLogin


class ConnectionLogin:
    """How one connection logs in: as the URL says, or with the current leased credentials,
    held from opening to closing."""

    def __init__(self, conninfo: str, credentials: DatabaseCredentials | None) -> None:
        self._conninfo = conninfo
        self._credentials = credentials
        self._held: DatabaseLogin | None = None

    def conninfo(self) -> str:
        if self._credentials is None:
            return self._conninfo
        self.release()
        self._held = self._credentials.acquire()
        return make_conninfo(self._conninfo, user=self._held.user, password=self._held.password)

    def is_current(self) -> bool:
        if self._credentials is None or self._held is None:
            return True
        return self._credentials.is_current(self._held)

    def release(self) -> None:
        if self._credentials is not None and self._held is not None:
            self._credentials.release(self._held)
            self._held = None
