from http.client import HTTPSConnection
from typing import Any, cast

from adapters.file_importer.https_deadline import HttpsDeadline
from adapters.file_importer.https_deadline_socket import HttpsDeadlineSocket


class HttpsDeadlineConnection(HTTPSConnection):
    def __init__(self, host: str, *, deadline: HttpsDeadline, **options: Any) -> None:
        super().__init__(host, **options)
        self._deadline = deadline

    def connect(self) -> None:
        self.timeout = self._deadline.next_wait()
        super().connect()
        cast(HttpsDeadlineSocket, self.sock).deadline = self._deadline
