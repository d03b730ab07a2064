import functools
import ssl
from http.client import HTTPResponse
from urllib.request import HTTPSHandler, Request

from adapters.file_importer.https_deadline import HttpsDeadline
from adapters.file_importer.https_deadline_connection import HttpsDeadlineConnection
from adapters.file_importer.https_deadline_socket import HttpsDeadlineSocket


class HttpsDeadlineHandler(HTTPSHandler):
    def __init__(self, context: ssl.SSLContext, deadline: HttpsDeadline) -> None:
        super().__init__(context=context)
        context.sslsocket_class = HttpsDeadlineSocket
        self._tls = context
        self._connection = functools.partial(HttpsDeadlineConnection, deadline=deadline)

    def https_open(self, req: Request) -> HTTPResponse:
        return self.do_open(self._connection, req, context=self._tls)
