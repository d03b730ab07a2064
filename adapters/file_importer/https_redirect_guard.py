from http.client import HTTPMessage
from typing import IO
from urllib.request import HTTPRedirectHandler, Request

from adapters.file_importer.https_addresses import allowed_location, keep_port
from application.errors import SourceForbiddenError


class HttpsRedirectGuard(HTTPRedirectHandler):
    max_redirections = 5

    def __init__(self, *, allowed_hosts: frozenset[str]) -> None:
        self._allowed_hosts = allowed_hosts

    def redirect_request(
        self,
        req: Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> Request | None:
        fp.close()
        try:
            allowed_location(newurl, self._allowed_hosts)
            keep_port(newurl, req.full_url)
        except SourceForbiddenError as error:
            raise SourceForbiddenError(f"a redirect was refused: {error}") from error
        return super().redirect_request(req, fp, code, msg, headers, newurl)
