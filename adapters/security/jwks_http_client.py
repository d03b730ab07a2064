import json
import ssl
from http.client import HTTPException
from typing import Any
from urllib.error import HTTPError
from urllib.request import (
    BaseHandler,
    HTTPDefaultErrorHandler,
    HTTPErrorProcessor,
    HTTPHandler,
    HTTPSHandler,
    OpenerDirector,
    Request,
    UnknownHandler,
)

import jwt


class JwksHttpClient(jwt.PyJWKClient):
    """PyJWT's caching JWKS client, fetching with no proxy, no redirect and a bounded body."""

    def __init__(
        self,
        uri: str,
        *,
        max_bytes: int,
        ssl_context: ssl.SSLContext | None = None,
        allow_http: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(uri, ssl_context=ssl_context, **options)
        self._max_bytes = max_bytes
        self._opener = direct_opener(ssl_context or ssl.create_default_context(), allow_http)

    def fetch_data(self) -> Any:
        body = self._download()
        if len(body) > self._max_bytes:
            raise jwt.PyJWKClientError(f"the JWKS is larger than {self._max_bytes} bytes")
        return json.loads(body)

    def _download(self) -> bytes:
        request = Request(self.uri, headers=self.headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body: bytes = response.read(self._max_bytes + 1)
        except HTTPError as error:
            error.close()
            raise jwt.PyJWKClientConnectionError(f"the JWKS answered HTTP {error.code}") from error
        except (OSError, HTTPException) as error:
            message = f"the JWKS could not be fetched: {error}"
            raise jwt.PyJWKClientConnectionError(message) from error
        return body


def direct_opener(context: ssl.SSLContext, allow_http: bool) -> OpenerDirector:
    director = OpenerDirector()
    handlers: list[BaseHandler] = [
        HTTPSHandler(context=context),
        HTTPDefaultErrorHandler(),
        HTTPErrorProcessor(),
        UnknownHandler(),
    ]
    if allow_http:
        handlers.append(HTTPHandler())
    for handler in handlers:
        director.add_handler(handler)
    return director
