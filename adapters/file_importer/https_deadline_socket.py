import ssl
from typing import TYPE_CHECKING

from adapters.file_importer.https_deadline import HttpsDeadline

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class HttpsDeadlineSocket(ssl.SSLSocket):
    deadline: HttpsDeadline | None = None

    def recv_into(
        self, buffer: "WriteableBuffer", nbytes: int | None = None, flags: int = 0
    ) -> int:
        if self.deadline is None:
            return super().recv_into(buffer, nbytes, flags)
        self.settimeout(self.deadline.next_wait())
        try:
            return super().recv_into(buffer, nbytes, flags)
        except TimeoutError:
            self.deadline.check()
            raise
