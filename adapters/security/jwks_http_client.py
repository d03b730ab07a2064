import json
import ssl
import threading
import time
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

from adapters.caching.shared_key_sets import SharedKeySets
from application.errors import DependencyUnavailableError
from shared.resilience.dependency_policy import DependencyPolicy


class JwksHttpClient(jwt.PyJWKClient):
    """PyJWT's caching JWKS client, fetching with no proxy, no redirect and a bounded body. When
    its key set is due (expired, or a token names a key it lacks), it first takes the one another
    replica shared, if that one lists the key wanted; otherwise it fetches the set, under the
    JWKS policy when given one, and shares it."""

    def __init__(
        self,
        uri: str,
        *,
        max_bytes: int,
        shared: SharedKeySets,
        ssl_context: ssl.SSLContext | None = None,
        allow_http: bool = False,
        policy: DependencyPolicy | None = None,
        **options: Any,
    ) -> None:
        super().__init__(uri, ssl_context=ssl_context, **options)
        self._max_bytes = max_bytes
        self._shared = shared
        self._wanted = threading.local()
        self._opener = direct_opener(ssl_context or ssl.create_default_context(), allow_http)
        self._policy = policy

    def get_signing_key(self, kid: str) -> jwt.PyJWK:
        self._wanted.key_id = kid
        try:
            return super().get_signing_key(kid)
        finally:
            self._wanted.key_id = None

    def fetch_data(self) -> Any:
        shared = self._shared_key_set()
        if shared is not None and _lists(shared, getattr(self._wanted, "key_id", None)):
            return shared
        document = self._as_jwk_set_payload(self._fetched())
        key_set = jwt.PyJWKSet.from_dict(document)
        self._last_successful_fetch = time.monotonic()
        self._shared.share(self.uri, document)
        return key_set

    def _shared_key_set(self) -> jwt.PyJWKSet | None:
        document = self._shared.find(self.uri)
        if document is None:
            return None
        try:
            return jwt.PyJWKSet.from_dict(document)
        except jwt.PyJWKSetError:
            return None

    def _fetched(self) -> Any:
        body = self._download() if self._policy is None else self._policy.call(self._download)
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
            raise unreachable(f"the JWKS answered HTTP {error.code}") from error
        except (OSError, HTTPException) as error:
            raise unreachable(f"the JWKS could not be fetched: {error}") from error
        return body


def unreachable(reason: str) -> DependencyUnavailableError:
    return DependencyUnavailableError(f"the JWKS endpoint is unavailable: {reason}")


def _lists(key_set: jwt.PyJWKSet, key_id: str | None) -> bool:
    return key_id is None or any(key.key_id == key_id for key in key_set.keys)


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
