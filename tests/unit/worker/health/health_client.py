import json
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.error import HTTPError


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpAnswer:
    status: int
    headers: Message
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def fetch(port: int, path: str, method: str = "GET") -> HttpAnswer:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method)
    try:
        with urllib.request.urlopen(request, timeout=10.0) as response:  # nosec B310
            return HttpAnswer(
                status=response.status, headers=response.headers, body=response.read()
            )
    except HTTPError as error:
        return HttpAnswer(status=error.code, headers=error.headers, body=error.read())
